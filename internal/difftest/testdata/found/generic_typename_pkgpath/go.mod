module gorodiff

go 1.26
