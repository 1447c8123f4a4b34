"""Services: the operations of the product. Each takes a session first and never commits."""
