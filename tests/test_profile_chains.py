"""A profile regdraft can never read is refused where it is chosen (r27 sweep T2, defect 5): a chain of 1,100
`base:` profiles was accepted by `init --profile` and ended every `check` in a RecursionError; a profile that is a
link or a folder was accepted and every command failed; a `profiles` link listed the names of the folder it leads to
(/etc) as profiles known."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.errors import ProfileError
from regdraft.render.profile import MAX_BASES, load_profile
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def _chain(length: int) -> dict[str, str]:
    """p0 based on p1 … based on p{length-1}, based on party-36."""
    return {f"p{i}": f"base: {f'p{i + 1}' if i + 1 < length else 'party-36'}\n" for i in range(length)}


def test_a_chain_of_bases_loads_up_to_its_bound_and_is_refused_past_it() -> None:
    assert load_profile({}, {"profile": "p0"}, _chain(MAX_BASES)).name == "p0"
    for length in (MAX_BASES + 1, 1_100):
        with pytest.raises(ProfileError) as refused:
            load_profile({}, {"profile": "p0"}, _chain(length))
        assert str(refused.value) == (
            f"profiles/p0.yaml: its `base` leads through more than {MAX_BASES} profiles (p0 -> p1 -> p2 -> p3 -> p4 "
            "-> p5 -> p6 -> p7 -> p8 …); a profile builds on at most 8: base it on one nearer a shipped profile.")
        assert refused.value.source == "profiles/p0.yaml" and refused.value.found[0][1] == ("base",)


def _own(folder: Path, texts: dict[str, str]) -> None:
    (folder / "profiles").mkdir(parents=True)
    for name, text in texts.items():
        (folder / "profiles" / f"{name}.yaml").write_text(text, encoding="utf-8")


def test_init_refuses_a_profile_it_cannot_load_before_creating_anything(tmp_path: Path, invoke: Invoke) -> None:
    _own(tmp_path / "chain", _chain(40))
    refused = invoke(None, "init", "--profile", "p0", str(tmp_path / "chain"))
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert "The profile 'p0' cannot be used, so nothing was created: profiles/p0.yaml: its `base` leads through " \
        "more than 8 profiles" in " ".join(refused.output.split())
    assert not (tmp_path / "chain" / "regdraft.yaml").exists()
    done = invoke(None, "init", "--profile", f"p{40 - MAX_BASES}", str(tmp_path / "chain"))
    assert done.exit_code == 0, done.output


def test_init_refuses_a_profile_that_is_a_link_or_a_folder_and_a_linked_profiles_folder(tmp_path: Path,
                                                                                       invoke: Invoke) -> None:
    outside = tmp_path / "outside"
    _own(outside, {"secret": "base: org\n"})
    _own(tmp_path / "w", {})
    (tmp_path / "w" / "profiles" / "evil.yaml").symlink_to(outside / "profiles" / "secret.yaml")
    (tmp_path / "w" / "profiles" / "dir.yaml").mkdir()
    for name, kind in (("evil", "a symbolic link"), ("dir", "not a file")):
        refused = invoke(None, "init", "--profile", name, str(tmp_path / "w"))
        assert refused.exit_code == 2 and f"profiles/{name}.yaml is {kind}; a profile of the workspace's own is a " \
            "YAML file in its profiles folder." in " ".join(refused.output.split())
    assert not (tmp_path / "w" / "regdraft.yaml").exists()
    (tmp_path / "l").mkdir()
    (tmp_path / "l" / "profiles").symlink_to(outside / "profiles")
    for name in ("secret", "nope"):
        refused = invoke(None, "init", "--profile", name, str(tmp_path / "l"))
        said = " ".join(refused.output.split())
        assert refused.exit_code == 2 and "profiles is a symbolic link" in said and "secret" not in said
    assert not (tmp_path / "l" / "regdraft.yaml").exists()


def test_check_tells_a_chain_too_long_once_at_the_profile_where_it_passes_the_bound(empty_workspace: Workspace) -> None:
    # `check` told a chain of 1,100 profiles 1,092 times, once for each profile it made too long (r27, misc27).
    from regdraft.workspace.profiles import profile_problems

    chain = _chain(1_100)
    chain["q0"] = "base: p500\n"  # a second chain joining the first: told with it
    chain.update({f"c{i}": f"name: c{i}\nbase: c{(i + 1) % 12}\n" for i in range(12)})  # a cycle of 12 bases
    empty_workspace.commit({f"profiles/{name}.yaml": text.encode() for name, text in chain.items()}, "Chains")
    problems = profile_problems(empty_workspace)
    assert [(p.source, p.line) for p in problems] == [("profiles/c0.yaml", 2), ("profiles/p1091.yaml", 1)]
    assert problems[1].message == (
        "its `base` leads through more than 8 profiles (p1091 -> p1092 -> p1093 -> p1094 -> p1095 -> p1096 -> p1097 "
        "-> p1098 -> p1099 …); a profile builds on at most 8: base it on one nearer a shipped profile.")
    assert load_profile({}, {"profile": "p1092"}, chain).name == "p1092"  # the one above loads
