"""The Qt front end. It calls raadsakkoord.operations and renders the results."""
