Console.WriteLine("benchmarks pending");
