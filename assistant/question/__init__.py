"""Understanding a question: cleaning, language, follow-ups, injected instructions, answer type."""
