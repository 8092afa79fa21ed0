"""What runs the mock: the phase timeline, the timer, phase guidance and the problem's hints."""
