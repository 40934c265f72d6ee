// Prepared GEOS polygons with an STR-tree over their envelopes, for "which of these areas holds
// this geometry" queries (place stage, tiling). Owns the GEOS geometries it indexes.
#pragma once

#include "geom/geos.hpp"

#include <vector>

namespace gp::geom
{

class PreparedAreas
{
  public:
    PreparedAreas(GeosContext& ctx, const std::vector<const MultiPolygon*>& areas);
    ~PreparedAreas();
    PreparedAreas(const PreparedAreas&) = delete;
    PreparedAreas& operator=(const PreparedAreas&) = delete;

    // Indices of areas whose envelope meets g's, ascending.
    std::vector<int> candidates(const GEOSGeometry* g) const;
    bool covers(int area, const GEOSGeometry* g) const;
    bool intersects(int area, const GEOSGeometry* g) const;
    // Area of (area ∩ g); 0 when GEOS cannot compute it.
    double overlapArea(int area, const GEOSGeometry* g) const;
    const GEOSGeometry* geometry(int area) const
    {
        return m_geoms[static_cast<std::size_t>(area)].get();
    }
    int size() const { return static_cast<int>(m_geoms.size()); }

  private:
    GeosContext& m_ctx;
    std::vector<GeomPtr> m_geoms;
    std::vector<const GEOSPreparedGeometry*> m_prepared;
    GEOSSTRtree* m_tree = nullptr;
    std::vector<int> m_ids; // stable storage for the tree's item pointers
};

} // namespace gp::geom
