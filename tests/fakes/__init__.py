"""Fakes of the platforms' servers: real HTTP on 127.0.0.1, recorded calls, injected trouble."""
