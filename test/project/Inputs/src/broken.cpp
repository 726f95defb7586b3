// Does not compile: the run must say so and fail.
int broken() { return undeclared_name; }
