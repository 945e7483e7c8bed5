"""Browser tests: Playwright drives Debian's Chromium against the built, locally served site."""
