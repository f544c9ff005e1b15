package org.tierflow.core.api.program;

import java.util.Optional;

/**
 * Yearly spot checks (抽查) of a program's candidates in progress and of the units managing them. The
 * Ningxia program: "自治区教育厅每年将对各类人才项目培养人选工作开展情况和五市、各县(市、区)或各单位管理情况进行抽查".
 *
 * @param level      the level that audits (the region in Ningxia); at or below the program's owner
 * @param candidates how many candidates to draw when the call does not say; empty when every call must say
 * @param units      how many managing units to draw when the call does not say; empty when every call must say
 */
public record SpotCheckDefinition(OrganisationLevel level, Optional<SampleSize> candidates,
                                  Optional<SampleSize> units) {
}
