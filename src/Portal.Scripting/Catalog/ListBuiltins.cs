namespace Portal.Scripting.Catalog;

/// <summary>List (and collection) methods.</summary>
internal static class ListBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        const BuiltinReceiver L = BuiltinReceiver.List;
        b.Method(L, "add(value)", "NULL", "Appends a value.", "List(1).add(2)", "null");
        b.Method(L, "addAll(otherList)", "NULL", "Appends all items of another list.", "List(1).addAll(List(2, 3))", "null");
        b.Method(L, "insert(values…)", "NULL", "Appends the values, in order.", "List(1).insert(2, 3)", "null");
        b.Method(L, "insertAll(otherList)", "NULL", "Appends all items of another list.", "List(1).insertAll(List(2))", "null");
        b.Method(L, "get(index)", "ANY", "The item at index (0-based); an index outside the list is an error naming it and the size.", "List(\"a\", \"b\").get(1)", "b");
        b.Method(L, "getJSON(index)", "ANY", "The item at index, or null.", "List(\"a\").getJSON(0)", "a");
        b.Method(L, "remove(index)", "ANY", "Removes and returns the item at index; an index outside the list is an error.", "List(\"a\", \"b\").remove(0)", "a");
        b.Method(L, "removeElement(value)", "BOOLEAN", "Removes the first item equal to value; true when one was removed.", "List(1, 2).removeElement(2)", "true");
        b.Method(L, "removeAll(otherList)", "BOOLEAN", "Removes every item equal to an item of the other list; true when any was removed.", "List(1, 2, 1).removeAll(List(1))", "true");
        b.Method(L, "indexOf(value)", "NUMBER", "Position of the first equal item, or -1.", "List(\"a\", \"b\").indexOf(\"b\")", "1");
        b.Method(L, "lastIndexOf(value)", "NUMBER", "Position of the last equal item, or -1.", "List(1, 2, 1).lastIndexOf(1)", "2");
        b.Method(L, "contains(value)", "BOOLEAN", "True when an equal item exists.", "List(1, 2).contains(2)", "true");
        b.Method(L, "notContains(value)", "BOOLEAN", "True when no equal item exists.", "List(1, 2).notContains(3)", "true");
        b.Method(L, "isEmpty()", "BOOLEAN", "True when the list has no items.", "List().isEmpty()", "true");
        b.Method(L, "size()", "NUMBER", "Number of items.", "List(1, 2).size()", "2");
        b.Method(L, "count(value?)", "NUMBER", "Number of items, or of items equal to value.", "List(1, 2, 1).count(1)", "2");
        b.Method(L, "sort(ascending?)", "LIST", "Returns a sorted copy of the list (descending with false).", "List(3, 1, 2).sort()", "[1,2,3]");
        b.Method(L, "reverse()", "LIST", "Returns the list in reverse order.", "List(1, 2, 3).reverse()", "[3,2,1]");
        b.Method(L, "distinct()", "LIST", "Returns the list without duplicates.", "List(1, 1, 2).distinct()", "[1,2]");
        b.Method(L, "intersect(otherList)", "LIST", "Items present in both lists.", "List(1, 2, 3).intersect(List(2, 3, 4))", "[2,3]");
        b.Method(L, "sublist(from, to?)", "LIST", "Items from position from up to (not including) to.", "List(1, 2, 3).sublist(1)", "[2,3]");
        b.Method(L, "duplicate(from?, to?)", "LIST", "A copy of the list, or of the items from position from up to to.", "List(\"a\", \"b\", \"c\").duplicate(0, 1)", "[\"a\"]");
        b.Method(L, "clear()", "NULL", "Removes all items.", "List(1).clear()", "null");
        b.Method(L, "sum()", "NUMBER", "The sum of the numbers in the list.", "List(1, 2.5).sum()", "3.5");
        b.Method(L, "average()", "DECIMAL", "The mean of the numbers in the list.", "List(1, 2).average()", "1.5");
        b.Method(L, "largest()", "ANY", "The largest item.", "List(3, 9, 4).largest()", "9");
        b.Method(L, "smallest()", "ANY", "The smallest item.", "List(3, 9, 4).smallest()", "3");
        b.Method(L, "median()", "DECIMAL", "The middle value of the numbers in the list.", "List(3, 1, 2, 4).median()", "2.5");
        b.Method(L, "percentile(k)", "DECIMAL", "The k-th percentile (k from 0 to 1) of the numbers, interpolated like a spreadsheet's PERCENTILE.", "List(1, 2, 3, 4).percentile(0.5)", "2.5");
        b.Method(L, "rank(value, ascending?)", "NUMBER", "1-based position of value among the numbers sorted descending (ascending with true), or -1.", "List(10, 30, 20).rank(20)", "2");
        b.Method(L, "toList()", "LIST", "A copy of the list.", "List(1).toList()", "[1]");
        b.Method(L, "toJSONList()", "LIST", "A copy of the list.", "List(1).toJSONList()", "[1]");
    }
}
