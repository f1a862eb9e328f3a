"""The verb dictionary's on-disk cache (extract/frames_cache.py): a cached load equals a
fresh build, damage and changed inputs rebuild, an unwritable directory only costs the
rebuild, and problems are reported on cached loads too."""

from dataclasses import replace
from pathlib import Path

import pytest

from actorgraph.extract import frames_cache as fc
from actorgraph.extract.frames import FrameSet, load_frames, read_frame_file
from actorgraph.extract.verbdict import CAMEO_FRAMES

USER = '''\
[[frame]]
trigger = "scold"
relation = "CRITICIZES"

[[frame]]
trigger = "praise"
relation = "NO_SUCH_TYPE"
'''


class Builds:
    """A build function that counts its calls and keeps what it reported."""

    def __init__(self, path: Path) -> None:
        self.path, self.calls, self.reported = path, 0, []

    def __call__(self) -> FrameSet:
        self.calls += 1
        problems: list = []

        def keep(problem) -> None:
            problems.append(problem)
            self.reported.append(problem)

        return FrameSet(read_frame_file(self.path, report=keep), problems)


@pytest.fixture(scope="module")
def fresh():
    """The shipped dictionary read without any cache."""
    return Builds(CAMEO_FRAMES)()


def test_cached_dictionary_equals_a_fresh_build(tmp_path, fresh):
    build = Builds(CAMEO_FRAMES)
    first = fc.cached_frame_set(CAMEO_FRAMES, build, directory=tmp_path)
    second = fc.cached_frame_set(CAMEO_FRAMES, build, directory=tmp_path)
    assert build.calls == 1  # the second load came from the file
    assert len(list(tmp_path.iterdir())) == 1
    assert len(fresh) > 5000
    for got in (first, second):
        assert got.frames == fresh.frames
        assert got.buckets == fresh.buckets
        assert got.anchors == fresh.anchors and got.by_lemma == fresh.by_lemma
        assert got.problems == fresh.problems


def test_damaged_cache_rebuilds_and_rewrites(tmp_path, fresh):
    build = Builds(CAMEO_FRAMES)
    fc.cached_frame_set(CAMEO_FRAMES, build, directory=tmp_path)
    (path,) = tmp_path.iterdir()
    data = path.read_bytes()
    damages = (data[: len(data) // 2],  # truncated
               data[:-3] + bytes([data[-3] ^ 0x20]) + data[-2:],  # one bit flipped
               b"garbage", b"")
    for n, damaged in enumerate(damages, start=2):
        path.write_bytes(damaged)
        got = fc.cached_frame_set(CAMEO_FRAMES, build, directory=tmp_path)
        assert build.calls == n and got.frames == fresh.frames
        assert path.read_bytes() == data  # rewritten whole
    fc.cached_frame_set(CAMEO_FRAMES, build, directory=tmp_path)
    assert build.calls == len(damages) + 1  # and read back again


def test_foreign_payload_is_refused(tmp_path):
    from actorgraph.extract.gazetteer_cache import save_marshalled

    build = Builds(CAMEO_FRAMES)
    key = fc.cache_key(fc.source_digest(CAMEO_FRAMES))
    # intact files (their checksums match) that do not hold a frame set
    frames = fc.pack(load_frames())
    wrong = [{"a": 1}, ("x", (), (), {}), (frames[0], frames[1], frames[2], {("x", None): [10**6]})]
    for payload in wrong:
        save_marshalled(fc._MAGIC, key, payload, tmp_path)
        assert fc.unpack(payload) is None
        fc.cached_frame_set(CAMEO_FRAMES, build, directory=tmp_path)
    assert build.calls == len(wrong)


def test_unwritable_directory_only_costs_the_rebuild(tmp_path, fresh):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    build = Builds(CAMEO_FRAMES)
    for n in (1, 2):
        got = fc.cached_frame_set(CAMEO_FRAMES, build, directory=blocker / "cache")
        assert build.calls == n and got.frames == fresh.frames


def test_changed_file_rebuilds_and_problems_are_reported_from_the_cache(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text(USER, encoding="utf-8")
    cache = tmp_path / "cache"
    build = Builds(user)
    reported: list = []
    first = fc.cached_frame_set(user, build, reported.append, cache)
    assert [f.trigger for f in first] == ["scold"]
    assert len(build.reported) == 1 and "NO_SUCH_TYPE" in str(build.reported[0])
    again = fc.cached_frame_set(user, build, reported.append, cache)
    assert build.calls == 1 and [f.trigger for f in again] == ["scold"]
    assert reported == build.reported == again.problems  # the cached load reports it too
    user.write_text(USER.replace("NO_SUCH_TYPE", "PRAISES"), encoding="utf-8")
    changed = fc.cached_frame_set(user, build, reported.append, cache)
    assert build.calls == 2 and [f.trigger for f in changed] == ["scold", "praise"]
    assert not changed.problems


def test_missing_file_is_not_cached(tmp_path):
    def build() -> FrameSet:
        raise FileNotFoundError("the build says what is wrong")

    with pytest.raises(FileNotFoundError):
        fc.cached_frame_set(tmp_path / "absent.toml", build, directory=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_sum_indexes_like_one_set(fresh):
    hand = load_frames()
    total = hand + fresh
    whole = FrameSet([*hand.frames, *fresh.frames])
    assert total.frames == whole.frames and total.buckets == whole.buckets
    assert total.anchors == whole.anchors and total.by_lemma == whole.by_lemma


def test_shipped_dictionary_uses_the_user_cache_dir(tmp_path, monkeypatch, fresh):
    from actorgraph.extract import verbdict

    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path))
    got = verbdict._load_verb_frames.__wrapped__(None, None)  # past the in-process cache
    # The same frames, marked as the dictionary's (relations/framed.py gives them less say).
    assert got.frames == tuple(replace(f, dictionary=True) for f in fresh.frames)
    assert [p.name for p in tmp_path.iterdir()] == [fc.cache_key(fc.source_digest(CAMEO_FRAMES))]
