"""Not product code: what the tests, the benchmark and the screenshot script share.

Debian's Chromium launched so that no request leaves the machine, a static
server for a built site, and throw-away copies of the project.
"""
