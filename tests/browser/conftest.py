"""Fixtures for the browser tests: one Chromium per session, pages that record requests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from briefing.harness.browser import CHROMIUM, CHROMIUM_ARGS
from tests.browser.support import Requests


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def requests() -> Requests:
    return Requests()


@pytest.fixture
def page(browser: Browser, requests: Requests) -> Iterator[Page]:
    """A fresh page (own context) whose every request is recorded in ``requests``."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    try:
        yield requests.record(context.new_page())
    finally:
        context.close()
