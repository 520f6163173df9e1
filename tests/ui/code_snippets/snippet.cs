using System;
using System.Collections.Generic;

#nullable enable
namespace Shop
{
    /// <summary>An order line; "public" here is text.</summary>
    public record OrderLine(string Sku, int Quantity, decimal Price);

    public static class Orders
    {
        public static decimal Total(IEnumerable<OrderLine> lines)
        {
            decimal total = 0m;
            foreach (var line in lines)
            {
                total += line.Quantity * line.Price;
            }
            var path = @"C:\orders\""today"".csv";
            Console.WriteLine($"Total: {total}");
            return total > 100 ? total * 0.95m : total;
        }
    }
}
