"""Checking text against the documents: facts, citation support, claims."""
