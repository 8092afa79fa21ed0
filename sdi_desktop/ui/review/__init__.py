"""Looking back at sessions: the self-assessment, replay, comparison and progress charts."""
