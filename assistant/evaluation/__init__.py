"""Measuring answer quality: eval sets, the harness, suites, fitting the evidence scorer."""
