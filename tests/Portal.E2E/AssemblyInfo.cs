// Each test class starts its own portal, Sandbox Cloud and Chromium; one at a time keeps a 2-core machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
