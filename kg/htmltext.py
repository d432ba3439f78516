"""Telling HTML from plain text, so an HTML page is refused with a clear message instead of mis-read."""

import re

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)
_TAG = re.compile(r"</?(p|div|span|a|br|html|body|head|script|style|table|li|ul|h[1-6])\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    # A stray '<b>' in prose is fine; markup on every few lines is a page.
    return len(_TAG.findall(text[:20000])) >= 5
