-- Top customers; "select" in a comment is no keyword.
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    customer TEXT NOT NULL,
    total DECIMAL(10, 2) DEFAULT 0.00,
    note VARCHAR(200)
);

/* The year's orders,
   grouped */
select customer, COUNT(*) AS n, SUM(total) AS revenue
FROM orders
WHERE note NOT LIKE 'test''s %'
  AND total > 100
GROUP BY customer
ORDER BY revenue DESC
LIMIT 10;
