"""Excel exchange (工作台账导入导出) and the value parsing it shares with the rest of the core."""
