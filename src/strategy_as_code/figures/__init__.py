"""Follow-up figures from Kolada and SCB (``make figures``): fetch, merge into the indicator files
with provenance, and say what changed. No site engine here: the pages that show the figures are
rendered in render/municipal.py."""

from strategy_as_code.figures.run import Endpoints, FiguresFailed, Outcome, update_figures
from strategy_as_code.figures.summary import TITLE, figure_changes, markdown, plain

__all__ = ["TITLE", "Endpoints", "FiguresFailed", "Outcome", "figure_changes", "markdown", "plain", "update_figures"]
