"""The delivery engine: every outbound message, exactly once, at the platforms' pace."""
