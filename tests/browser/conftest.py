"""Fixtures for the browser tests: one Chromium per session, pages that record requests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from briefing.harness.browser import CHROMIUM, CHROMIUM_ARGS
from tests.browser.support import DESKTOP, Requests, blank, shared_tab


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


@pytest.fixture(scope="session")
def tab(browser: Browser) -> Iterator[Page]:
    """One tab for the session's tests (see :func:`page`)."""
    shared = shared_tab(browser, viewport=DESKTOP)
    try:
        yield shared
    finally:
        shared.context.close()


@pytest.fixture
def page(tab: Page, requests: Requests) -> Iterator[Page]:
    """The session's tab, blank at the desktop's size with nothing stored by
    earlier pages (:func:`~tests.browser.support.shared_tab`), whose every request
    is recorded in ``requests``. A test that adds scripts or listeners of its own
    to the page takes :func:`own_page`. The routes a test adds are removed after it."""
    requests.record(blank(tab, DESKTOP))
    try:
        yield tab
    finally:
        requests.stop(tab)
        tab.unroute_all(behavior="ignoreErrors")
        tab.context.unroute_all(behavior="ignoreErrors")


@pytest.fixture
def own_page(browser: Browser, requests: Requests) -> Iterator[Page]:
    """A fresh page (own context) whose every request is recorded in ``requests``."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(15_000)
    try:
        yield requests.record(context.new_page())
    finally:
        context.close()
