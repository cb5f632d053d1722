"""The fractie member's place: writing an amendment, the live tracked changes, positions, readability."""
