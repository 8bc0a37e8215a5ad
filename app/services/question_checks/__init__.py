"""Test before go-live: the merchant's own questions run through the real buyer chat, checked and compared."""
