"""The desktop side of the venue server: the Venue Wi-Fi dialog, the Polls area (polls,
questions to the panel, evaluations) and the projector view of results."""
