<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" readOnly="0" styleCategories="AllStyleCategories">
  <renderer-v2 type="categorizedSymbol" attr="grid_code" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1">
    <categories>
      <category label="PT-PORTO-01-01-001" symbol="0" value="PT-PORTO-01-01-001" render="true"/>
      <category label="PT-PORTO-01-01-002" symbol="1" value="PT-PORTO-01-01-002" render="true"/>
      <category label="PT-PORTO-01-01-003" symbol="2" value="PT-PORTO-01-01-003" render="true"/>
      <category label="PT-PORTO-01-01-004" symbol="3" value="PT-PORTO-01-01-004" render="true"/>
      <category label="PT-PORTO-01-01-005" symbol="4" value="PT-PORTO-01-01-005" render="true"/>
      <category label="PT-PORTO-01-01-006" symbol="5" value="PT-PORTO-01-01-006" render="true"/>
      <category label="PT-PORTO-01-01-007" symbol="6" value="PT-PORTO-01-01-007" render="true"/>
      <category label="PT-PORTO-01-01-008" symbol="7" value="PT-PORTO-01-01-008" render="true"/>
      <category label="PT-PORTO-01-01-009" symbol="8" value="PT-PORTO-01-01-009" render="true"/>
      <category label="PT-PORTO-01-01-010" symbol="9" value="PT-PORTO-01-01-010" render="true"/>
      <category label="PT-PORTO-01-01-011" symbol="10" value="PT-PORTO-01-01-011" render="true"/>
      <category label="PT-PORTO-01-02-001" symbol="11" value="PT-PORTO-01-02-001" render="true"/>
      <category label="PT-PORTO-01-02-002" symbol="12" value="PT-PORTO-01-02-002" render="true"/>
      <category label="PT-PORTO-01-02-003" symbol="13" value="PT-PORTO-01-02-003" render="true"/>
      <category label="PT-PORTO-01-02-004" symbol="14" value="PT-PORTO-01-02-004" render="true"/>
      <category label="PT-PORTO-01-02-005" symbol="15" value="PT-PORTO-01-02-005" render="true"/>
      <category label="PT-PORTO-01-02-006" symbol="16" value="PT-PORTO-01-02-006" render="true"/>
      <category label="PT-PORTO-02-01-001" symbol="17" value="PT-PORTO-02-01-001" render="true"/>
      <category label="PT-PORTO-02-01-002" symbol="18" value="PT-PORTO-02-01-002" render="true"/>
      <category label="PT-PORTO-02-01-003" symbol="19" value="PT-PORTO-02-01-003" render="true"/>
      <category label="PT-PORTO-02-01-004" symbol="20" value="PT-PORTO-02-01-004" render="true"/>
      <category label="PT-PORTO-02-01-005" symbol="21" value="PT-PORTO-02-01-005" render="true"/>
      <category label="PT-PORTO-02-01-006" symbol="22" value="PT-PORTO-02-01-006" render="true"/>
      <category label="PT-PORTO-02-01-007" symbol="23" value="PT-PORTO-02-01-007" render="true"/>
      <category label="PT-PORTO-02-01-008" symbol="24" value="PT-PORTO-02-01-008" render="true"/>
      <category label="PT-PORTO-02-01-009" symbol="25" value="PT-PORTO-02-01-009" render="true"/>
      <category label="PT-PORTO-02-01-010" symbol="26" value="PT-PORTO-02-01-010" render="true"/>
      <category label="PT-PORTO-02-01-D01" symbol="27" value="PT-PORTO-02-01-D01" render="true"/>
      <category label="PT-PORTO-02-01-D02" symbol="28" value="PT-PORTO-02-01-D02" render="true"/>
      <category label="PT-PORTO-02-01-D03" symbol="29" value="PT-PORTO-02-01-D03" render="true"/>
      <category label="PT-PORTO-02-01-D04" symbol="30" value="PT-PORTO-02-01-D04" render="true"/>
      <category label="PT-PORTO-02-02-001" symbol="31" value="PT-PORTO-02-02-001" render="true"/>
      <category label="PT-PORTO-02-02-002" symbol="32" value="PT-PORTO-02-02-002" render="true"/>
      <category label="PT-PORTO-02-02-003" symbol="33" value="PT-PORTO-02-02-003" render="true"/>
      <category label="PT-PORTO-02-02-004" symbol="34" value="PT-PORTO-02-02-004" render="true"/>
      <category label="PT-PORTO-02-02-005" symbol="35" value="PT-PORTO-02-02-005" render="true"/>
      <category label="PT-PORTO-02-02-D01" symbol="36" value="PT-PORTO-02-02-D01" render="true"/>
      <category label="in no grid" symbol="37" value="" render="true"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="230,80,80,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="230,80,80,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="105,191,130,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="105,191,130,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="167,80,230,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="167,80,230,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="230,217,126,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="230,217,126,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="67,170,191,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="67,170,191,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="230,126,182,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="230,126,182,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="117,230,80,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="117,230,80,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="109,105,191,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="109,105,191,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="8" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="230,130,80,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="230,130,80,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="9" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="126,230,191,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="126,230,191,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="10" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="181,67,191,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="181,67,191,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="11" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="208,230,126,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="208,230,126,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="12" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="80,155,230,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="80,155,230,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="13" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="191,105,123,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="191,105,123,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="14" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="80,230,93,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="80,230,93,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="15" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="165,126,230,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="165,126,230,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="16" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="191,150,67,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="191,150,67,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="17" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="126,230,225,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="126,230,225,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="18" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="230,80,192,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="230,80,192,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="19" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="144,191,105,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="144,191,105,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="20" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="80,105,230,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="80,105,230,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="21" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="230,139,126,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="230,139,126,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="22" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="67,191,119,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="67,191,119,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="23" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="200,126,230,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="200,126,230,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="24" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="229,230,80,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="229,230,80,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="25" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="105,166,191,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="105,166,191,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="26" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="230,80,142,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="230,80,142,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="27" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="139,230,126,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="139,230,126,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="28" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="88,67,191,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="88,67,191,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="29" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="230,174,126,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="230,174,126,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="30" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="80,230,193,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="80,230,193,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="31" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="191,105,187,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="191,105,187,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="32" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="179,230,80,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="179,230,80,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="33" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="126,164,230,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="126,164,230,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="34" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="191,67,77,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="191,67,77,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="35" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="126,230,148,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="126,230,148,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="36" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="156,80,230,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="40,40,40,120"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="156,80,230,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="40,40,40,120"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="fill" name="37" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="160,160,160,255"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_color" value="160,160,160,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.10"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
          </Option>
          <prop k="color" v="160,160,160,255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="160,160,160,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.10"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_unit" v="MM"/>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
</qgis>
