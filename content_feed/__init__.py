"""Content for sharing: feeds in, ranked items and ready-to-share texts and links out."""
