"""The Qt side of the application layer: the controller, the runner and the camera worker."""
