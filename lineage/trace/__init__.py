"""Across documents: the version graph, a paragraph's history, where each sentence comes from
(blame), and topics through time. Reads the corpus; never writes it."""
