#include "io/gdal_support.hpp"

#include <catch2/catch.hpp>

using gp::io::redactConnection;

TEST_CASE("passwords in PostGIS connection strings are hidden", "[io]")
{
    CHECK(redactConnection("PG:host=db dbname=city password=s3cret user=gis") ==
          "PG:host=db dbname=city password=*** user=gis");
    CHECK(redactConnection("pg:PASSWORD = 'two words' dbname=x") == "pg:PASSWORD = *** dbname=x");
    CHECK(redactConnection("PG:password=a password=b") == "PG:password=*** password=***");
    CHECK(redactConnection("PG:dbname=x password=") == "PG:dbname=x password=");
    CHECK(redactConnection("PG:password='unterminated") == "PG:password=***");
    CHECK(redactConnection("PG:dbname=密码 password=口令") == "PG:dbname=密码 password=***");
    // Not a connection: file names are never touched.
    CHECK(redactConnection("/data/password=x.shp") == "/data/password=x.shp");
}
