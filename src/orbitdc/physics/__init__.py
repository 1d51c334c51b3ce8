"""Physics: scenario → Timeline of arrays (time × satellites). numpy + sgp4 + Skyfield only."""
