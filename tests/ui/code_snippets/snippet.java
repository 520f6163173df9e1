package org.example;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of integers; "new" in here is no keyword.
 */
public final class IntStack {
    private final List<Integer> items = new ArrayList<>();

    @Override
    public String toString() {
        String json = """
            {"size": %d}
            """;
        return json.formatted(items.size());
    }

    public int pop() {
        if (items.isEmpty()) throw new IllegalStateException("empty stack");
        return items.remove(items.size() - 1);
    }

    public static void main(String[] args) {
        var stack = new IntStack();
        System.out.println(stack + " " + 42L + 'x');
    }
}
