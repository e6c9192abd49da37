"""Terminal chat: the tutor without a token."""
