"""Two lumped thermal nodes per satellite: electronics (e) and radiator (r). Kelvin, W, J/K.

    C_e dT_e/dt = Q_e − G (T_e − T_r)
    C_r dT_r/dt = Q_env + G (T_e − T_r) − ε σ A T_r⁴

Integrated with backward Euler: unconditionally stable and, solved to convergence, free of
overshoot for any step (with a one-day step it lands on the radiative equilibrium). T_r⁴ is
linearised about an estimate of the end-of-step T_r (Newton's method on the implicit
equations); :func:`newton_correction_k` bounds the linearisation error so a caller iterates only
when a step is long or violent (at 60 s steps one pass suffices). For a given linearisation T_e
at the end of the step is affine in Q_e, so the largest Q_e that keeps T_e ≤ T_max is exact
(:func:`max_electronics_heat_w`): that is how compute is throttled on temperature.

Assumptions and limitations: uniform node temperatures; the electronics radiate nothing
themselves; battery losses are carried away by the battery's own thermal control.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIGMA_W_M2_K4 = 5.670374419e-8
KELVIN = 273.15


@dataclass
class StepCoefficients:
    """The backward-Euler step's 2×2 system: T_e1 = a_e + b_e·Q_e, T_r1 = a_r + b_r·Q_e."""

    a_e: np.ndarray
    b_e: np.ndarray
    a_r: np.ndarray
    b_r: np.ndarray


def step_coefficients(temp_e_k: np.ndarray, temp_r_k: np.ndarray, q_env_w: np.ndarray,
                      dt_s: float, c_e: np.ndarray, c_r: np.ndarray, g_w_k: np.ndarray,
                      eps_sigma_a: np.ndarray, temp_lin_k: np.ndarray | None = None
                      ) -> StepCoefficients:
    """Coefficients of one implicit step from (T_e, T_r) over ``dt_s`` seconds, with T_r⁴
    linearised about ``temp_lin_k`` (default: the start-of-step T_r); arrays (n_sat,)."""
    lin = temp_r_k if temp_lin_k is None else temp_lin_k
    ce = c_e / dt_s
    cr = c_r / dt_s
    esa_t3 = lin * lin
    esa_t3 *= lin
    esa_t3 *= eps_sigma_a
    rhs_r = cr * temp_r_k
    rhs_r += q_env_w
    rhs_r += 3.0 * esa_t3 * lin
    rhs_e = ce * temp_e_k
    d_r = cr + g_w_k
    d_r += 4.0 * esa_t3
    ce_g = ce + g_w_k
    inv_det = 1.0 / (ce_g * d_r - g_w_k * g_w_k)
    a_e = rhs_e * d_r
    a_e += g_w_k * rhs_r
    a_e *= inv_det
    a_r = ce_g * rhs_r
    a_r += g_w_k * rhs_e
    a_r *= inv_det
    return StepCoefficients(a_e=a_e, b_e=d_r * inv_det, a_r=a_r, b_r=g_w_k * inv_det)


def newton_correction_k(temp_r1_k: np.ndarray, temp_lin_k: np.ndarray, dt_s: float,
                        c_r: np.ndarray, g_w_k: np.ndarray, eps_sigma_a: np.ndarray
                        ) -> np.ndarray:
    """Size (K) of the next Newton correction: the T⁴ linearisation error
    εσA·(T⁴ − T_lin⁴ − 4T_lin³ΔT) ≈ 6εσA·T_lin²·ΔT² over the radiator equation's stiffness."""
    dt = temp_r1_k - temp_lin_k
    stiffness = c_r / dt_s + g_w_k + 4.0 * eps_sigma_a * temp_lin_k**3
    return 6.0 * eps_sigma_a * temp_lin_k * temp_lin_k * dt * dt / stiffness


def max_electronics_heat_w(coef: StepCoefficients, temp_max_k: np.ndarray) -> np.ndarray:
    """Largest electronics heat load (W) that ends the step at or below ``temp_max_k``."""
    return (temp_max_k - coef.a_e) / coef.b_e


def equilibrium_k(q_e_w: np.ndarray | float, q_env_w: np.ndarray | float,
                  g_w_k: np.ndarray | float, eps_sigma_a: np.ndarray | float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Analytic steady state (T_e, T_r) in K for constant loads: ε σ A T_r⁴ = Q_e + Q_env,
    T_e = T_r + Q_e / G."""
    temp_r = ((np.asarray(q_e_w) + q_env_w) / eps_sigma_a) ** 0.25
    return temp_r + np.asarray(q_e_w) / g_w_k, temp_r


def max_equilibrium_load_w(q_max_w: np.ndarray, q_env_w: np.ndarray, g_w_k: np.ndarray,
                           eps_sigma_a: np.ndarray, temp_max_k: np.ndarray,
                           iterations: int = 40) -> np.ndarray:
    """Largest electronics load ≤ ``q_max_w`` whose steady state keeps T_e ≤ T_max (W),
    by bisection (T_e of the steady state grows with the load); arrays (n_sat,)."""
    q_max = np.array(np.broadcast_to(q_max_w, np.broadcast_shapes(
        np.shape(q_max_w), np.shape(q_env_w), np.shape(g_w_k), np.shape(eps_sigma_a),
        np.shape(temp_max_k))), dtype=np.float64)
    full_ok = equilibrium_k(q_max, q_env_w, g_w_k, eps_sigma_a)[0] <= temp_max_k
    if full_ok.all():
        return q_max
    if q_max.ndim == 0:
        return np.where(full_ok, q_max, _bisect(q_max, q_env_w, g_w_k, eps_sigma_a, temp_max_k,
                                                iterations))
    # only the satellites that cannot take their full load (a million in equilibrium at full
    # load: one evaluation, not 41)
    out = q_max.copy()
    hot = np.flatnonzero(~full_ok)

    def part(a: np.ndarray | float) -> np.ndarray | float:
        return np.broadcast_to(a, q_max.shape)[hot] if np.ndim(a) else a

    out[hot] = _bisect(q_max[hot], part(q_env_w), part(g_w_k), part(eps_sigma_a),
                       part(temp_max_k), iterations)
    return out


def _bisect(q_max_w: np.ndarray, q_env_w: np.ndarray, g_w_k: np.ndarray,
            eps_sigma_a: np.ndarray, temp_max_k: np.ndarray, iterations: int) -> np.ndarray:
    """The bisection of :func:`max_equilibrium_load_w` (its lower bound after
    ``iterations``)."""
    lo = np.zeros_like(q_max_w)
    hi = np.array(q_max_w, dtype=np.float64)
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        ok = equilibrium_k(mid, q_env_w, g_w_k, eps_sigma_a)[0] <= temp_max_k
        lo, hi = np.where(ok, mid, lo), np.where(ok, hi, mid)
    return lo
