"""The import of partner feeds (iCal, RSS, Atom) into drafts for the approval workflow:
``fetch`` (safe HTTP), ``parse`` (neutral items), ``pages`` (what an item becomes),
``sync`` (one run, de-duplicated), ``tasks`` (the background task)."""
