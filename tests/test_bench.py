"""The bench's timing helpers: functions take turns, and ratios are taken within a round."""

from pipeline.bench import interleaved, speed_ratio


def test_functions_take_turns_round_by_round():
    calls: list[str] = []
    times = interleaved({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, 3)
    assert calls == ["a", "b"] * 3
    assert [len(t) for t in times.values()] == [3, 3]


def test_ratio_is_taken_within_rounds_so_a_drifting_machine_does_not_skew_it():
    # the machine slows down 4x over the runs; within each round ours takes twice its floor's time
    ours, floor = [1.0, 2.0, 8.0], [0.5, 1.0, 4.0]
    assert speed_ratio(ours, floor) == 0.5
    # the median over rounds, not one lucky round
    assert speed_ratio([1.0, 1.0, 1.0], [0.5, 0.9, 0.1]) == 0.5
