-- An expense's history (getExpense): its add, edit and delete entries in the activity log, found by expense id.
CREATE INDEX IF NOT EXISTS activity_expense ON activity (group_id, (data->>'expenseId'), seq) WHERE kind LIKE 'expense.%';
