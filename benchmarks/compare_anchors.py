"""Benchmarks of the numeric layer against the tools users would otherwise pick (issue 6).

    python benchmarks/compare_anchors.py [--quick] [--only NAME ...] [--json FILE]

Needs the anchors of the optional dependency group: ``pip install -e .[bench]`` (PythTB, SporTran). Each row prints
``NAME: ours T1 s, anchor T2 s, ratio R, answer difference D`` and a line saying whether the target is met; the
table goes to ``build/benchmarks.json``. ``--quick`` uses small sizes (under a minute) and is what CI may run as a
smoke test; no time is ever asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before numpy: the same single-threaded BLAS as derivcheck itself

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _best(fn, repeat: int):
    """(best wall time over ``repeat`` calls, last result)."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


# --- Rice-Mele Thouless pump -----------------------------------------------------------------------------------------
def _pump_loop(n_lambda):
    """Spec RM4: t1 = 1 + cos(theta)/2, t2 = 1 - cos(theta)/2, Delta = sin(theta)/2, theta on a closed loop."""
    theta = 2 * np.pi * np.arange(n_lambda + 1) / n_lambda       # last point = first: a closed loop
    return 1 + 0.5 * np.cos(theta), 1 - 0.5 * np.cos(theta), 0.5 * np.sin(theta)


def _eigh_centres(t1, t2, delta, n_k, tau=(0.0, 0.5)):
    """Plain batched numpy.linalg.eigh + discrete Wilson loop (the anchor users would write)."""
    k = 2 * np.pi * np.arange(n_k) / n_k
    out = np.empty(len(t1))
    for i in range(0, len(t1), 16):                               # blocks of 16 loop points bound the memory
        sl = slice(i, i + 16)
        f = t1[sl, None] + t2[sl, None] * np.exp(-1j * k[None, :])
        h = np.zeros(f.shape + (2, 2), complex)
        h[..., 0, 0], h[..., 1, 1] = delta[sl, None], -delta[sl, None]
        h[..., 0, 1], h[..., 1, 0] = f, f.conj()
        _, v = np.linalg.eigh(h)
        u = v[..., :, 0]                                           # (loop, k, site): lower band, k-periodic
        u_next = np.roll(u, -1, axis=1) * np.exp(-2j * np.pi / n_k * np.asarray(tau))  # <u_k|e^{-i dk x}|u_k+dk>
        links = np.sum(u.conj() * u_next, axis=-1)
        out[sl] = np.mod(-np.sum(np.angle(links), axis=-1) / (2 * np.pi), 1.0)
    return out


def _pythtb_centre(t1, t2, delta, n_k, tau=(0.0, 0.5)):
    import pythtb
    m = pythtb.tb_model(1, 1, [[1.0]], [[tau[0]], [tau[1]]])
    m.set_onsite([delta, -delta])
    m.set_hop(t1, 0, 1, [0])                                       # <A,0|H|B,0> = t1
    m.set_hop(t2, 1, 0, [1])                                       # <B,0|H|A,1> = t2
    w = pythtb.wf_array(m, [n_k + 1])
    w.solve_on_grid([0.0])
    return float(np.mod(w.berry_phase([0], 0) / (2 * np.pi), 1.0))   # PythTB's sign: centre = +phase / 2 pi


def bench_rice_mele(quick: bool) -> dict:
    from numerics.tight_binding import pumped_charge, rice_mele_wannier_centre
    n_lambda, n_k = (40, 400) if quick else (400, 4000)
    t1, t2, de = _pump_loop(n_lambda)
    t_ours, (x, q) = _best(lambda: (rice_mele_wannier_centre(t1, t2, de, 0.0, 0.5, 1.0, n_k),
                                    pumped_charge(t1, t2, de, 0.0, 0.5, 1.0, n_k)), 3)
    t_eigh, x_eigh = _best(lambda: _eigh_centres(t1, t2, de, n_k), 1)
    n_py = n_lambda if quick else 40                               # PythTB on 40 loop points, scaled to all 400
    t_py, x_py = _best(lambda: np.array([_pythtb_centre(t1[i], t2[i], de[i], n_k) for i in range(n_py)]), 1)
    t_py *= n_lambda / n_py
    dx = np.abs((x[:n_py] - x_py + 0.5) % 1.0 - 0.5)
    return {"name": "rice_mele_pump", "size": f"{n_lambda} lambda x {n_k} k",
            "ours_s": t_ours, "anchor": "PythTB", "anchor_s": t_py, "ratio": t_py / t_ours,
            "answer_difference": float(dx.max()),
            "extra": {"batched_eigh_s": t_eigh, "ours_over_eigh": t_ours / t_eigh,
                      "eigh_difference": float(np.abs((x - x_eigh + 0.5) % 1.0 - 0.5).max()),
                      "pumped_charge": q, "pumped_charge_integer_error": abs(q - round(q)),
                      "polarization_at_lambda0": float(x[0]),
                      "pythtb_timed_on": f"{n_py} of {n_lambda} loop points, scaled"},
            "target": "pumped charge integer to 1e-12; |P - P_PythTB| <= 1e-10; >= 95x PythTB; <= 0.5x batched eigh",
            "met": bool(abs(q - round(q)) < 1e-12 and dx.max() <= 1e-10 and t_py / t_ours >= 95
                        and t_ours <= 0.5 * t_eigh)}


# --- finite 3D body: FMM against direct summation ---------------------------------------------------------------------
def bench_coulomb(quick: bool) -> dict:
    from numerics.coulomb import potential_direct, potential_fmm
    sizes = [1000, 4000, 16000] if quick else [1000, 10_000, 100_000, 1_000_000]
    rng = np.random.default_rng(20240410)
    times, diff, t_direct = [], None, {}
    for n in sizes:
        v = rng.normal(size=(n, 3))
        pos = 30 * rng.random(n)[:, None] ** (1 / 3) * v / np.linalg.norm(v, axis=1)[:, None]
        q = rng.uniform(-1, 1, n)
        q -= q.mean()
        t, phi = _best(lambda: potential_fmm(pos, q, eps=1e-9), 1)
        times.append(t)
        if n <= (16000 if quick else 10_000):
            t_direct[n], ref = _best(lambda: potential_direct(pos, q), 1)
            diff = float(np.max(np.abs(phi - ref)) / np.max(np.abs(ref)))
    slope = float(np.polyfit(np.log(sizes), np.log(times), 1)[0])
    n_big, n_ref = sizes[-1], max(t_direct)
    direct_big = t_direct[n_ref] * (n_big / n_ref) ** 2            # O(N^2): extrapolated from the largest direct run
    return {"name": "coulomb_finite_body", "size": f"N = {sizes[0]} ... {n_big}",
            "ours_s": times[-1], "anchor": "direct O(N^2) sum", "anchor_s": direct_big,
            "ratio": direct_big / times[-1], "answer_difference": diff,
            "extra": {"fmm_times_s": dict(zip(map(str, sizes), times)), "cost_exponent": slope,
                      "direct_measured_s": {str(k): v for k, v in t_direct.items()},
                      "anchor_s_is": f"extrapolated as N^2 from N = {n_ref}"},
            "target": "controlled error (FMM eps = 1e-9, relative); cost exponent <= 1.2 from 1e3 to 1e6",
            "met": bool(slope <= 1.2 and diff is not None and diff <= 1e-8)}


# --- the whole catalogue ------------------------------------------------------------------------------------------------
def bench_check_all(quick: bool) -> dict:
    cmd = [sys.executable, "-m", "derivcheck", "check", "--all", "-j", "2", "-q", "--json",
           str(ROOT / "build" / "bench-verdicts.json")]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    t = time.perf_counter() - t0
    return {"name": "check_all", "size": "whole catalogue, 2 jobs", "ours_s": t, "anchor": "-", "anchor_s": None,
            "ratio": None, "answer_difference": None, "extra": {"exit_status": proc.returncode,
                                                                "summary": proc.stderr.strip().splitlines()[-1:]},
            "target": "< 120 s on 2 cores", "met": bool(t < 120)}


ROWS = {"rice_mele_pump": bench_rice_mele, "coulomb_finite_body": bench_coulomb, "check_all": bench_check_all}


def _fmt(v, unit=""):
    return "-" if v is None else (f"{v:.3g}{unit}" if isinstance(v, float) else str(v))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small sizes: a smoke test in under a minute")
    p.add_argument("--only", nargs="+", choices=sorted(ROWS), help="run only these rows")
    p.add_argument("--json", default=str(ROOT / "build" / "benchmarks.json"), help="where to write the table")
    args = p.parse_args(argv)
    rows = []
    for name in args.only or ROWS:
        if args.quick and name == "check_all":
            continue
        try:
            row = ROWS[name](args.quick)
        except ImportError as exc:
            print(f"{name}: skipped, {exc} (pip install -e .[bench] for the anchors)")
            continue
        rows.append(row)
        print(f"{row['name']}: ours {_fmt(row['ours_s'])} s, anchor {_fmt(row['anchor_s'])} s, ratio "
              f"{_fmt(row['ratio'])}, answer difference {_fmt(row['answer_difference'])}")
        print(f"    target: {row['target']}: {'met' if row['met'] else 'MISSED'}; "
              + ", ".join(f"{k} {_fmt(v)}" for k, v in row["extra"].items() if not isinstance(v, dict)))
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": f"{platform.machine()}, {os.cpu_count()} cores", "quick": args.quick,
                               "rows": rows}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
