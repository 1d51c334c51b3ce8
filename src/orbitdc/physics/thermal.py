"""Two lumped thermal nodes per satellite: electronics (e) and radiator (r). Kelvin, W, J/K.

    C_e dT_e/dt = Q_e − G (T_e − T_r)
    C_r dT_r/dt = Q_env + G (T_e − T_r) − ε σ A T_r⁴

Integrated with backward Euler, T_r⁴ linearised about the previous T_r (one Newton step of the
implicit equations): unconditionally stable, positive and non-oscillating for any step; as the
step grows it becomes a Newton step toward the radiative equilibrium. Because T_e at the end of
the step is affine in Q_e, the largest Q_e that keeps T_e ≤ T_max is exact
(:func:`max_electronics_heat_w`), which is how compute is throttled on temperature.

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
                      eps_sigma_a: np.ndarray) -> StepCoefficients:
    """Coefficients of one implicit step from (T_e, T_r) over ``dt_s`` seconds; (n_sat,)."""
    ce = c_e / dt_s
    cr = c_r / dt_s
    t3 = temp_r_k * temp_r_k * temp_r_k
    k = 4.0 * eps_sigma_a * t3
    rhs_r = cr * temp_r_k + q_env_w + 3.0 * eps_sigma_a * t3 * temp_r_k
    rhs_e = ce * temp_e_k
    d_r = cr + g_w_k + k
    inv_det = 1.0 / ((ce + g_w_k) * d_r - g_w_k * g_w_k)
    return StepCoefficients(
        a_e=(rhs_e * d_r + g_w_k * rhs_r) * inv_det,
        b_e=d_r * inv_det,
        a_r=((ce + g_w_k) * rhs_r + g_w_k * rhs_e) * inv_det,
        b_r=g_w_k * inv_det,
    )


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
