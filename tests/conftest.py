"""Hypothesis settings profiles: ``ci`` (derandomized, fewer examples) under CI=true, ``dev`` otherwise."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=25, derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def verdicts_of(expected, **kwargs):
    """Verdicts of the claims whose IDs key ``expected``, built from their own factories (not the whole catalogue)."""
    from derivcheck import check_many
    from derivcheck.registry import build
    return {v.claim_id: v for v in check_many(build(list(expected)), jobs=1, **kwargs)}
