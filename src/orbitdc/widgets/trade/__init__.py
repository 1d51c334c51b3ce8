"""The Trade study view of a sweep's results (``orbitdc sweep``): scatter with the Pareto
front, parallel coordinates of the parameters, filters, failed designs. Qt and pyqtgraph only;
the app reads the file and opens a design's variant."""

from orbitdc.widgets.trade.widget import TradeStudyWidget

__all__ = ["TradeStudyWidget"]
