"""Writing an answer from passages: extractive evidence selection, generative backends, prompts, citations."""
