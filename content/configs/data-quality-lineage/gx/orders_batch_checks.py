"""Landing checks for a Spark job outside dbt, with GX Core 1.x (great_expectations, Apache-2.0).

The same rules as the dbt source tests on the orders change log, for a pipeline that is not
built by dbt: a Spark job calls check_orders_batch(df) on the batch it is about to write and
stops before writing when the checkpoint fails. The API used here (data_sources.add_spark,
add_dataframe_asset, add_batch_definition_whole_dataframe, suites, validation_definitions,
checkpoints, batch_parameters={"dataframe": ...}) is GX Core 1.x's; it was read from the
great_expectations 1.2.0 source, and GX Core follows semantic versioning within 1.x.

The context is ephemeral (nothing written to disk), so the rules live in this file and are
reviewed like code; a file-backed context (gx.get_context(mode="file")) adds Data Docs.
"""

import great_expectations as gx
import great_expectations.expectations as gxe

ORDER_STATUSES = ["placed", "paid", "shipped", "delivered", "cancelled", "refunded"]
CHANGE_OPERATIONS = ["c", "u", "d", "r"]


def build_checkpoint(context):
    """Register the Spark data source, the orders suite and a checkpoint that runs it."""
    batch_definition = (
        context.data_sources.add_spark(name="spark")
        .add_dataframe_asset(name="orders_batch")
        .add_batch_definition_whole_dataframe("whole_batch")
    )
    suite = context.suites.add(gx.ExpectationSuite(name="orders_landing"))
    suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column="order_id"))
    suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column="source_lsn"))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="status", value_set=ORDER_STATUSES))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="change_op", value_set=CHANGE_OPERATIONS))
    suite.add_expectation(gxe.ExpectColumnValuesToMatchRegex(column="currency", regex=r"^[A-Z]{3}$"))
    # Volume floor per batch, below the smallest normal hour of the feed.
    suite.add_expectation(gxe.ExpectTableRowCountToBeBetween(min_value=500))
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name="orders_landing", data=batch_definition, suite=suite)
    )
    return context.checkpoints.add(
        gx.Checkpoint(name="orders_landing", validation_definitions=[validation])
    )


def check_orders_batch(df):
    """Validate one Spark DataFrame; raise so the job fails before it writes anything."""
    context = gx.get_context(mode="ephemeral")
    result = build_checkpoint(context).run(batch_parameters={"dataframe": df})
    if not result.success:
        raise RuntimeError(f"orders batch failed its landing checks: {result.describe()}")
