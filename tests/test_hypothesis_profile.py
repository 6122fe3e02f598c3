"""The Hypothesis properties assert behaviour, never time: no example fails for taking long on a loaded machine."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


def test_the_loaded_profile_has_no_deadline() -> None:
    loaded = settings.default
    assert loaded is not None and loaded.deadline is None


@given(st.integers())
def test_a_property_without_settings_of_its_own_has_no_deadline(n: int) -> None:
    assert settings().deadline is None
