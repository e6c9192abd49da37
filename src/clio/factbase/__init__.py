"""Seed documents to a fact base: cleaning, sentences, entities, questions, retrieval."""
