/** Cost per cluster and UTC day, accrued from observed nodes. */
export const COST_DAILY_TABLE = 'palette_cost_daily';
/** Cost per cluster, UTC month and attribution: the days summed. */
export const COST_MONTHLY_TABLE = 'palette_cost_monthly';
/** Per cluster: how far its cost is accrued, and its run-rate. */
export const COST_ACCRUALS_TABLE = 'palette_cost_accruals';
