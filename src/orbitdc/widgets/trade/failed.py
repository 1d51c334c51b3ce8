"""The designs of a trade study that failed, listed apart from the charts: their count, and a
table of their variant numbers and error texts (each also in its cell's tooltip)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orbitdc.widgets.trade.model import TradeTable


class FailedList(QWidget):
    """``set_table(table)`` lists ``table``'s failed rows (hidden table when none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trade_failed")
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.count)
        layout.addWidget(self.table)
        self._n = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Design"), self.tr("Error")])
        self.count.setText(self.tr("Failed designs: %1").replace("%1", str(self._n)) if self._n
                           else self.tr("No design failed"))

    def set_table(self, table: TradeTable) -> None:
        rows = table.failed
        self._n = len(rows)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            variant = QTableWidgetItem(str(int(table.variant[row])))
            error = QTableWidgetItem(table.errors[row])
            error.setToolTip(table.errors[row])
            self.table.setItem(i, 0, variant)
            self.table.setItem(i, 1, error)
        self.table.setVisible(bool(len(rows)))
        self.setToolTip("\n".join(f"{int(table.variant[r])}: {table.errors[r]}"
                                  for r in rows[:20]))
        self.retranslate()

    def errors(self) -> dict[int, str]:
        """{variant: error text} as listed."""
        return {int(self.table.item(i, 0).text()): self.table.item(i, 1).text()
                for i in range(self.table.rowCount())}
