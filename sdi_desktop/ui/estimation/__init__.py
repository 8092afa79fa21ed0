"""The estimation panel (``estimationPanel``) and the numbers card (``numbersCard``).

``hooks.install(window)`` adds their actions to the main window; it is cheap. The panel
and the card, and the domain calculator behind them, are imported the first time one
of them opens, never on the way to the first paint.
"""
