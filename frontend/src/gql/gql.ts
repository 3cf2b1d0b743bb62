/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query Me {\n    me {\n      user {\n        email\n        name\n      }\n      tenant {\n        slug\n        name\n        host\n      }\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MyOrganizations {\n    myOrganizations {\n      slug\n      name\n      role\n      host\n    }\n  }\n": typeof types.MyOrganizationsDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      lastActiveAt\n      userAgent\n      tenantSlug\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation LogOutEverywhere {\n    logOutEverywhere\n  }\n": typeof types.LogOutEverywhereDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query AcknowledgeLink($token: String!) {\n    acknowledgeLink(token: $token) {\n      monitorName\n      organizationName\n      openedAt\n      resolvedAt\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": typeof types.AcknowledgeLinkDocument,
    "\n  mutation AcknowledgeWithLink($token: String!) {\n    acknowledgeWithLink(token: $token) {\n      monitorName\n      organizationName\n      openedAt\n      resolvedAt\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": typeof types.AcknowledgeWithLinkDocument,
    "\n  query AlertChannels {\n    alertChannels {\n      id\n      name\n      kind\n      url\n      recipient\n      addresses\n      hasSecret\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n      createdAt\n    }\n  }\n": typeof types.AlertChannelsDocument,
    "\n  query AlertChannel($id: ID!) {\n    alertChannel(id: $id) {\n      id\n      name\n      kind\n      url\n      recipient\n      priority\n      addresses\n      hasSecret\n      previousSecretValidUntil\n      titleTemplate\n      bodyTemplate\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.AlertChannelDocument,
    "\n  query AlertDeliveries($channelId: ID!, $first: Int, $after: String) {\n    alertDeliveries(channelId: $channelId, first: $first, after: $after) {\n      nodes {\n        id\n        event\n        type\n        status\n        monitorId\n        attempts\n        maxAttempts\n        lastStatusCode\n        lastError\n        nextAttemptAt\n        deliveredAt\n        createdAt\n        attemptLog {\n          attempt\n          statusCode\n          error\n          durationMs\n          at\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AlertDeliveriesDocument,
    "\n  mutation CreateAlertChannel($input: AlertChannelInput!) {\n    createAlertChannel(input: $input) {\n      channel {\n        id\n        name\n        kind\n      }\n      signingSecret\n    }\n  }\n": typeof types.CreateAlertChannelDocument,
    "\n  mutation UpdateAlertChannel($id: ID!, $input: AlertChannelInput!) {\n    updateAlertChannel(id: $id, input: $input) {\n      id\n      name\n      url\n      recipient\n      priority\n      addresses\n      hasSecret\n      titleTemplate\n      bodyTemplate\n      updatedAt\n    }\n  }\n": typeof types.UpdateAlertChannelDocument,
    "\n  query PreviewAlertMessage($titleTemplate: String, $bodyTemplate: String, $event: AlertRouteEvent!) {\n    previewAlertMessage(titleTemplate: $titleTemplate, bodyTemplate: $bodyTemplate, event: $event) {\n      title\n      body\n    }\n  }\n": typeof types.PreviewAlertMessageDocument,
    "\n  mutation DeleteAlertChannel($id: ID!) {\n    deleteAlertChannel(id: $id)\n  }\n": typeof types.DeleteAlertChannelDocument,
    "\n  mutation RotateAlertChannelSigningSecret($id: ID!) {\n    rotateAlertChannelSigningSecret(id: $id) {\n      channel {\n        id\n        previousSecretValidUntil\n      }\n      signingSecret\n    }\n  }\n": typeof types.RotateAlertChannelSigningSecretDocument,
    "\n  mutation SetAlertChannelRouting($id: ID!, $input: AlertRoutingInput!) {\n    setAlertChannelRouting(id: $id, input: $input) {\n      id\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n    }\n  }\n": typeof types.SetAlertChannelRoutingDocument,
    "\n  mutation TestAlertChannel($id: ID!) {\n    testAlertChannel(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.TestAlertChannelDocument,
    "\n  mutation RequeueAlertDelivery($id: ID!) {\n    requeueAlertDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RequeueAlertDeliveryDocument,
    "\n  query AlertMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }) {\n      nodes {\n        id\n        name\n        target\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AlertMonitorOptionsDocument,
    "\n  query AlertMonitorName($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.AlertMonitorNameDocument,
    "\n  query AlertMonitorTags {\n    monitorTags\n  }\n": typeof types.AlertMonitorTagsDocument,
    "\n  query EscalationPolicies {\n    escalationPolicies {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      updatedAt\n    }\n  }\n": typeof types.EscalationPoliciesDocument,
    "\n  query EscalationPolicy($id: ID!) {\n    escalationPolicy(id: $id) {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.EscalationPolicyDocument,
    "\n  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {\n    createEscalationPolicy(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateEscalationPolicyDocument,
    "\n  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {\n    updateEscalationPolicy(id: $id, input: $input) {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.UpdateEscalationPolicyDocument,
    "\n  mutation DeleteEscalationPolicy($id: ID!) {\n    deleteEscalationPolicy(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.DeleteEscalationPolicyDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      key {\n        id\n        name\n        prefix\n        scope\n        createdAt\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      scope\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        action\n        entityType\n        entityId\n        actorUserId\n        actorApiKeyId\n        actorName\n        requestId\n        clientIp\n        changes\n        createdAt\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      __typename\n      ... on SessionPayload {\n        accessToken\n        expiresIn\n        user {\n          id\n          email\n          name\n          emailVerified\n        }\n        tenant {\n          id\n          slug\n          name\n          host\n        }\n        role\n      }\n      ... on TenantChoicePayload {\n        tenants {\n          slug\n          name\n          role\n          host\n        }\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresIn\n      user {\n        id\n        email\n        name\n        emailVerified\n      }\n      tenant {\n        id\n        slug\n        name\n        host\n      }\n      role\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResendVerificationEmail($email: String!) {\n    resendVerificationEmail(email: $email)\n  }\n": typeof types.ResendVerificationEmailDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      message\n      tenantHost\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      verified\n      alreadyVerified\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation AcknowledgeIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": typeof types.AcknowledgeIncidentDocument,
    "\n  query Incidents($first: Int, $after: String, $filter: IncidentFilter) {\n    incidents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        monitorId\n        monitorName\n        openedAt\n        resolvedAt\n        durationSeconds\n        cause\n        suppressed\n        acknowledgedAt\n        acknowledgedBy\n        timeline {\n          at\n          kind\n          message\n        }\n        causedBy {\n          id\n          monitorId\n          monitorName\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.IncidentsDocument,
    "\n  query PublishPageOptions {\n    statusPages {\n      id\n      title\n      url\n      components {\n        monitorId\n      }\n    }\n  }\n": typeof types.PublishPageOptionsDocument,
    "\n  mutation PublishOutage($pageId: ID!, $outageId: ID!) {\n    publishOutage(pageId: $pageId, outageId: $outageId) {\n      id\n      pageId\n      title\n    }\n  }\n": typeof types.PublishOutageDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      tenantSlug\n      role\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      tenantName\n      tenantSlug\n      inviterName\n      existingAccount\n      expiresAt\n    }\n  }\n": typeof types.InvitationDocument,
    "\n  query MaintenanceWindows {\n    maintenanceWindows {\n      id\n      name\n      monitorId\n      tag\n      startsAt\n      endsAt\n      cron\n      durationMinutes\n      timeZone\n      activeNow\n      nextStart\n      createdAt\n    }\n  }\n": typeof types.MaintenanceWindowsDocument,
    "\n  query MaintenanceMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MaintenanceMonitorOptionsDocument,
    "\n  query MaintenanceTagOptions {\n    monitorTags\n  }\n": typeof types.MaintenanceTagOptionsDocument,
    "\n  query MaintenanceMonitorName($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.MaintenanceMonitorNameDocument,
    "\n  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateMaintenanceWindowDocument,
    "\n  mutation DeleteMaintenanceWindow($id: ID!) {\n    deleteMaintenanceWindow(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.DeleteMaintenanceWindowDocument,
    "\n  query MonitorDependencyGraph {\n    monitorDependencyGraph {\n      monitors {\n        id\n        name\n        status\n        dependencyDown\n      }\n      dependencies {\n        monitorId\n        dependsOnId\n      }\n    }\n  }\n": typeof types.MonitorDependencyGraphDocument,
    "\n  mutation SetMonitorDependencies($id: ID!, $dependsOn: [ID!]!) {\n    setMonitorDependencies(id: $id, dependsOn: $dependsOn) {\n      id\n      dependencyDown\n      dependsOn {\n        id\n        name\n        status\n        dependencyDown\n      }\n    }\n  }\n": typeof types.SetMonitorDependenciesDocument,
    "\n  query DependencyMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }, orderBy: NAME) {\n      nodes {\n        id\n        name\n        target\n        status\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.DependencyMonitorOptionsDocument,
    "\n  query MonitorEscalationOptions {\n    escalationPolicies {\n      id\n      name\n    }\n  }\n": typeof types.MonitorEscalationOptionsDocument,
    "\n  mutation SetMonitorEscalationPolicy($id: ID!, $policyId: ID) {\n    setMonitorEscalationPolicy(id: $id, policyId: $policyId) {\n      id\n      escalationPolicy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SetMonitorEscalationPolicyDocument,
    "\n  mutation AcknowledgeMonitorIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": typeof types.AcknowledgeMonitorIncidentDocument,
    "\n  query MonitorSettings($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      kind\n      tags\n      intervalSeconds\n      timeoutSeconds\n      retryIntervalSeconds\n      failureThreshold\n      recoveryThreshold\n      failureWindowSeconds\n      flapThreshold\n      flapWindowSeconds\n      degradedResponseMs\n      http {\n        url\n        method\n        headers {\n          name\n          value\n        }\n        body\n        expectedStatus\n        followRedirects\n        verifyTls\n        keyword\n        keywordAbsent\n        jsonPath\n        jsonComparison\n        jsonValue\n        tlsWarnDays\n      }\n      tcp {\n        host\n        port\n      }\n      dns {\n        name\n        recordType\n        expected\n      }\n      tls {\n        host\n        port\n        warnDays\n      }\n      heartbeat {\n        graceSeconds\n        cron\n        timeZone\n      }\n    }\n  }\n": typeof types.MonitorSettingsDocument,
    "\n  query MonitorTags {\n    monitorTags\n  }\n": typeof types.MonitorTagsDocument,
    "\n  query Monitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      kind\n      target\n      status\n      tags\n      intervalSeconds\n      timeoutSeconds\n      failureThreshold\n      recoveryThreshold\n      failureWindowSeconds\n      degradedResponseMs\n      flapThreshold\n      flapWindowSeconds\n      flappingSince\n      escalationPolicy {\n        id\n        name\n      }\n      lastCheckedAt\n      lastDurationMs\n      lastError\n      statusChangedAt\n      nextCheckAt\n      lastPingAt\n      createdAt\n      pingUrl\n      heartbeat {\n        graceSeconds\n        cron\n        timeZone\n      }\n      inMaintenance\n      dependencyDown\n      dependsOn {\n        id\n        name\n        status\n        dependencyDown\n      }\n      dependents {\n        id\n        name\n        status\n        dependencyDown\n      }\n      day: uptime(period: DAY) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      week: uptime(period: WEEK) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      month: uptime(period: MONTH) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      quarter: uptime(period: QUARTER) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      dailyUptime(days: 90) {\n        date\n        stats {\n          checks\n          failures\n          uptimePercent\n        }\n      }\n      recentChecks(first: 60) {\n        id\n        checkedAt\n        status\n        durationMs\n        dnsMs\n        connectMs\n        tlsMs\n        firstByteMs\n        statusCode\n        error\n      }\n      incidents(first: 20) {\n        id\n        openedAt\n        resolvedAt\n        cause\n        suppressed\n        acknowledgedAt\n        acknowledgedBy\n        timeline {\n          at\n          kind\n          message\n        }\n        causedBy {\n          id\n          monitorId\n          monitorName\n        }\n      }\n    }\n  }\n": typeof types.MonitorDocument,
    "\n  query Monitors($first: Int, $after: String, $filter: MonitorFilter, $orderBy: MonitorOrder) {\n    monitors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      nodes {\n        id\n        name\n        kind\n        target\n        status\n        dependencyDown\n        tags\n        intervalSeconds\n        lastCheckedAt\n        lastDurationMs\n        lastError\n        lastPingAt\n        uptime(period: DAY) {\n          uptimePercent\n        }\n        latencyTrend\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MonitorsDocument,
    "\n  mutation CreateMonitor($input: CreateMonitorInput!) {\n    createMonitor(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateMonitorDocument,
    "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateMonitorDocument,
    "\n  mutation PauseMonitor($id: ID!) {\n    pauseMonitor(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PauseMonitorDocument,
    "\n  mutation ResumeMonitor($id: ID!) {\n    resumeMonitor(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ResumeMonitorDocument,
    "\n  mutation DuplicateMonitor($id: ID!) {\n    duplicateMonitor(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.DuplicateMonitorDocument,
    "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.DeleteMonitorDocument,
    "\n  query ServerInfo {\n    serverInfo {\n      version\n      apiVersion\n    }\n  }\n": typeof types.ServerInfoDocument,
    "\n  fragment PublicIncidentFields on PublicIncident {\n    id\n    title\n    status\n    impact\n    components {\n      name\n      impact\n    }\n    updates {\n      status\n      message\n      createdAt\n    }\n    startedAt\n    resolvedAt\n    updatedAt\n  }\n": typeof types.PublicIncidentFieldsFragmentDoc,
    "\n  query PublicStatusPage($slug: String!, $accessToken: String) {\n    publicStatusPage(slug: $slug, accessToken: $accessToken) {\n      organization\n      title\n      description\n      logoUrl\n      faviconUrl\n      status\n      components {\n        id\n        name\n        group\n        status\n        uptimePercent\n        days {\n          date\n          uptimePercent\n          downtimeSeconds\n          outages\n          incidents\n        }\n        responseMs\n      }\n      activeIncidents {\n        ...PublicIncidentFields\n      }\n      incidentHistory {\n        incidents {\n          ...PublicIncidentFields\n        }\n        hasNextPage\n        endCursor\n      }\n      activeOutages {\n        components\n        startedAt\n        resolvedAt\n      }\n      recentOutages {\n        components\n        startedAt\n        resolvedAt\n      }\n      maintenance {\n        name\n        components\n        startsAt\n        endsAt\n        active\n      }\n      generatedAt\n    }\n  }\n": typeof types.PublicStatusPageDocument,
    "\n  query PublicIncidentHistory($slug: String!, $after: String, $accessToken: String) {\n    publicStatusPage(slug: $slug, accessToken: $accessToken) {\n      incidentHistory(after: $after) {\n        incidents {\n          ...PublicIncidentFields\n        }\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PublicIncidentHistoryDocument,
    "\n  query StatusPageMonitorOptions($first: Int, $filter: MonitorFilter) {\n    monitors(first: $first, filter: $filter) {\n      nodes {\n        id\n        name\n        target\n        status\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.StatusPageMonitorOptionsDocument,
    "\n  mutation UnlockStatusPage($slug: String!, $password: String!) {\n    unlockStatusPage(slug: $slug, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.UnlockStatusPageDocument,
    "\n  mutation RequestStatusPageAccess($slug: String!, $email: String!) {\n    requestStatusPageAccess(slug: $slug, email: $email) {\n      message\n    }\n  }\n": typeof types.RequestStatusPageAccessDocument,
    "\n  fragment StatusIncidentFields on StatusIncident {\n    id\n    pageId\n    title\n    status\n    impact\n    components {\n      componentId\n      name\n      impact\n    }\n    updates {\n      id\n      status\n      message\n      createdAt\n      editedAt\n    }\n    outageId\n    startedAt\n    resolvedAt\n    createdAt\n    updatedAt\n  }\n": typeof types.StatusIncidentFieldsFragmentDoc,
    "\n  query StatusIncidents($pageId: ID!, $active: Boolean, $first: Int, $after: String) {\n    statusIncidents(pageId: $pageId, active: $active, first: $first, after: $after) {\n      nodes {\n        id\n        title\n        status\n        impact\n        components {\n          componentId\n          name\n          impact\n        }\n        outageId\n        startedAt\n        resolvedAt\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StatusIncidentsDocument,
    "\n  query StatusIncident($id: ID!) {\n    statusIncident(id: $id) {\n      ...StatusIncidentFields\n    }\n  }\n": typeof types.StatusIncidentDocument,
    "\n  mutation CreateStatusIncident($pageId: ID!, $input: CreateStatusIncidentInput!) {\n    createStatusIncident(pageId: $pageId, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n": typeof types.CreateStatusIncidentDocument,
    "\n  mutation PostStatusIncidentUpdate($id: ID!, $input: StatusIncidentUpdateInput!) {\n    postStatusIncidentUpdate(id: $id, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n": typeof types.PostStatusIncidentUpdateDocument,
    "\n  mutation EditStatusIncident($id: ID!, $input: EditStatusIncidentInput!) {\n    editStatusIncident(id: $id, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n": typeof types.EditStatusIncidentDocument,
    "\n  mutation EditStatusIncidentUpdate($id: ID!, $message: String!) {\n    editStatusIncidentUpdate(id: $id, message: $message) {\n      ...StatusIncidentFields\n    }\n  }\n": typeof types.EditStatusIncidentUpdateDocument,
    "\n  mutation DeleteStatusIncident($id: ID!) {\n    deleteStatusIncident(id: $id)\n  }\n": typeof types.DeleteStatusIncidentDocument,
    "\n  query StatusPages {\n    statusPages {\n      id\n      slug\n      title\n      url\n      components {\n        monitorId\n      }\n      access {\n        mode\n      }\n      updatedAt\n    }\n  }\n": typeof types.StatusPagesDocument,
    "\n  query StatusPage($id: ID!) {\n    statusPage(id: $id) {\n      id\n      slug\n      title\n      description\n      autoPublishOutages\n      url\n      logoUrl\n      faviconUrl\n      components {\n        id\n        monitorId\n        name\n        group\n      }\n      domains {\n        id\n        hostname\n        verified\n        verifiedAt\n        dnsRecords {\n          type\n          name\n          value\n        }\n      }\n      access {\n        mode\n        emailDomains\n        hasPassword\n      }\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.StatusPageDocument,
    "\n  mutation CreateStatusPage($input: StatusPageInput!) {\n    createStatusPage(input: $input) {\n      id\n      title\n      url\n    }\n  }\n": typeof types.CreateStatusPageDocument,
    "\n  mutation UpdateStatusPage($id: ID!, $input: StatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      id\n      slug\n      title\n      description\n      autoPublishOutages\n      url\n      updatedAt\n    }\n  }\n": typeof types.UpdateStatusPageDocument,
    "\n  mutation SetStatusPageComponents($id: ID!, $components: [StatusPageComponentInput!]!) {\n    setStatusPageComponents(id: $id, components: $components) {\n      id\n      components {\n        id\n        monitorId\n        name\n        group\n      }\n      updatedAt\n    }\n  }\n": typeof types.SetStatusPageComponentsDocument,
    "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id) {\n      id\n      title\n    }\n  }\n": typeof types.DeleteStatusPageDocument,
    "\n  mutation AddCustomDomain($pageId: ID!, $hostname: String!) {\n    addCustomDomain(pageId: $pageId, hostname: $hostname) {\n      id\n      hostname\n    }\n  }\n": typeof types.AddCustomDomainDocument,
    "\n  mutation VerifyCustomDomain($id: ID!) {\n    verifyCustomDomain(id: $id) {\n      id\n      hostname\n      verified\n    }\n  }\n": typeof types.VerifyCustomDomainDocument,
    "\n  mutation RemoveCustomDomain($id: ID!) {\n    removeCustomDomain(id: $id) {\n      id\n      hostname\n    }\n  }\n": typeof types.RemoveCustomDomainDocument,
    "\n  mutation SetStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!, $file: Upload!) {\n    setStatusPageImage(pageId: $pageId, kind: $kind, file: $file) {\n      id\n      logoUrl\n      faviconUrl\n      updatedAt\n    }\n  }\n": typeof types.SetStatusPageImageDocument,
    "\n  mutation RemoveStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!) {\n    removeStatusPageImage(pageId: $pageId, kind: $kind) {\n      id\n      logoUrl\n      faviconUrl\n      updatedAt\n    }\n  }\n": typeof types.RemoveStatusPageImageDocument,
    "\n  mutation SetStatusPageAccess($pageId: ID!, $input: StatusPageAccessInput!) {\n    setStatusPageAccess(pageId: $pageId, input: $input) {\n      id\n      title\n      access {\n        mode\n        emailDomains\n        hasPassword\n      }\n      updatedAt\n    }\n  }\n": typeof types.SetStatusPageAccessDocument,
    "\n  mutation SubscribeToStatusPage($slug: String!, $email: String!, $componentIds: [ID!]!, $accessToken: String) {\n    subscribeToStatusPage(slug: $slug, email: $email, componentIds: $componentIds, accessToken: $accessToken) {\n      message\n    }\n  }\n": typeof types.SubscribeToStatusPageDocument,
    "\n  query StatusSubscription($token: String!) {\n    statusSubscription(token: $token) {\n      pageTitle\n      pagePath\n      email\n      confirmed\n      components\n    }\n  }\n": typeof types.StatusSubscriptionDocument,
    "\n  mutation ConfirmStatusSubscription($token: String!) {\n    confirmStatusSubscription(token: $token)\n  }\n": typeof types.ConfirmStatusSubscriptionDocument,
    "\n  mutation UnsubscribeFromStatusPage($token: String!) {\n    unsubscribeFromStatusPage(token: $token)\n  }\n": typeof types.UnsubscribeFromStatusPageDocument,
    "\n  query StatusPageSubscribers($pageId: ID!, $first: Int!, $after: String) {\n    statusPageSubscribers(pageId: $pageId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        email\n        confirmed\n        confirmedAt\n        components {\n          id\n          name\n        }\n        createdAt\n      }\n    }\n  }\n": typeof types.StatusPageSubscribersDocument,
    "\n  query StatusPageSubscribersCsv($pageId: ID!) {\n    statusPageSubscribersCsv(pageId: $pageId)\n  }\n": typeof types.StatusPageSubscribersCsvDocument,
    "\n  mutation RemoveStatusPageSubscriber($id: ID!) {\n    removeStatusPageSubscriber(id: $id)\n  }\n": typeof types.RemoveStatusPageSubscriberDocument,
    "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      role\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  query Invitations {\n    invitations {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  query Members {\n    members {\n      user {\n        id\n        email\n        name\n      }\n      role\n      joinedAt\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query HostContext {\n    serverInfo {\n      baseDomain\n    }\n    hostTenant {\n      slug\n      name\n    }\n  }\n": typeof types.HostContextDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query Me {\n    me {\n      user {\n        email\n        name\n      }\n      tenant {\n        slug\n        name\n        host\n      }\n      role\n    }\n  }\n": types.MeDocument,
    "\n  query MyOrganizations {\n    myOrganizations {\n      slug\n      name\n      role\n      host\n    }\n  }\n": types.MyOrganizationsDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      lastActiveAt\n      userAgent\n      tenantSlug\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation LogOutEverywhere {\n    logOutEverywhere\n  }\n": types.LogOutEverywhereDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  query AcknowledgeLink($token: String!) {\n    acknowledgeLink(token: $token) {\n      monitorName\n      organizationName\n      openedAt\n      resolvedAt\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": types.AcknowledgeLinkDocument,
    "\n  mutation AcknowledgeWithLink($token: String!) {\n    acknowledgeWithLink(token: $token) {\n      monitorName\n      organizationName\n      openedAt\n      resolvedAt\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": types.AcknowledgeWithLinkDocument,
    "\n  query AlertChannels {\n    alertChannels {\n      id\n      name\n      kind\n      url\n      recipient\n      addresses\n      hasSecret\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n      createdAt\n    }\n  }\n": types.AlertChannelsDocument,
    "\n  query AlertChannel($id: ID!) {\n    alertChannel(id: $id) {\n      id\n      name\n      kind\n      url\n      recipient\n      priority\n      addresses\n      hasSecret\n      previousSecretValidUntil\n      titleTemplate\n      bodyTemplate\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n      createdAt\n      updatedAt\n    }\n  }\n": types.AlertChannelDocument,
    "\n  query AlertDeliveries($channelId: ID!, $first: Int, $after: String) {\n    alertDeliveries(channelId: $channelId, first: $first, after: $after) {\n      nodes {\n        id\n        event\n        type\n        status\n        monitorId\n        attempts\n        maxAttempts\n        lastStatusCode\n        lastError\n        nextAttemptAt\n        deliveredAt\n        createdAt\n        attemptLog {\n          attempt\n          statusCode\n          error\n          durationMs\n          at\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AlertDeliveriesDocument,
    "\n  mutation CreateAlertChannel($input: AlertChannelInput!) {\n    createAlertChannel(input: $input) {\n      channel {\n        id\n        name\n        kind\n      }\n      signingSecret\n    }\n  }\n": types.CreateAlertChannelDocument,
    "\n  mutation UpdateAlertChannel($id: ID!, $input: AlertChannelInput!) {\n    updateAlertChannel(id: $id, input: $input) {\n      id\n      name\n      url\n      recipient\n      priority\n      addresses\n      hasSecret\n      titleTemplate\n      bodyTemplate\n      updatedAt\n    }\n  }\n": types.UpdateAlertChannelDocument,
    "\n  query PreviewAlertMessage($titleTemplate: String, $bodyTemplate: String, $event: AlertRouteEvent!) {\n    previewAlertMessage(titleTemplate: $titleTemplate, bodyTemplate: $bodyTemplate, event: $event) {\n      title\n      body\n    }\n  }\n": types.PreviewAlertMessageDocument,
    "\n  mutation DeleteAlertChannel($id: ID!) {\n    deleteAlertChannel(id: $id)\n  }\n": types.DeleteAlertChannelDocument,
    "\n  mutation RotateAlertChannelSigningSecret($id: ID!) {\n    rotateAlertChannelSigningSecret(id: $id) {\n      channel {\n        id\n        previousSecretValidUntil\n      }\n      signingSecret\n    }\n  }\n": types.RotateAlertChannelSigningSecretDocument,
    "\n  mutation SetAlertChannelRouting($id: ID!, $input: AlertRoutingInput!) {\n    setAlertChannelRouting(id: $id, input: $input) {\n      id\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n    }\n  }\n": types.SetAlertChannelRoutingDocument,
    "\n  mutation TestAlertChannel($id: ID!) {\n    testAlertChannel(id: $id) {\n      id\n      status\n    }\n  }\n": types.TestAlertChannelDocument,
    "\n  mutation RequeueAlertDelivery($id: ID!) {\n    requeueAlertDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": types.RequeueAlertDeliveryDocument,
    "\n  query AlertMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }) {\n      nodes {\n        id\n        name\n        target\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.AlertMonitorOptionsDocument,
    "\n  query AlertMonitorName($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n    }\n  }\n": types.AlertMonitorNameDocument,
    "\n  query AlertMonitorTags {\n    monitorTags\n  }\n": types.AlertMonitorTagsDocument,
    "\n  query EscalationPolicies {\n    escalationPolicies {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      updatedAt\n    }\n  }\n": types.EscalationPoliciesDocument,
    "\n  query EscalationPolicy($id: ID!) {\n    escalationPolicy(id: $id) {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      createdAt\n      updatedAt\n    }\n  }\n": types.EscalationPolicyDocument,
    "\n  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {\n    createEscalationPolicy(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateEscalationPolicyDocument,
    "\n  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {\n    updateEscalationPolicy(id: $id, input: $input) {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      createdAt\n      updatedAt\n    }\n  }\n": types.UpdateEscalationPolicyDocument,
    "\n  mutation DeleteEscalationPolicy($id: ID!) {\n    deleteEscalationPolicy(id: $id) {\n      id\n      name\n    }\n  }\n": types.DeleteEscalationPolicyDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      key {\n        id\n        name\n        prefix\n        scope\n        createdAt\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      scope\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        action\n        entityType\n        entityId\n        actorUserId\n        actorApiKeyId\n        actorName\n        requestId\n        clientIp\n        changes\n        createdAt\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      __typename\n      ... on SessionPayload {\n        accessToken\n        expiresIn\n        user {\n          id\n          email\n          name\n          emailVerified\n        }\n        tenant {\n          id\n          slug\n          name\n          host\n        }\n        role\n      }\n      ... on TenantChoicePayload {\n        tenants {\n          slug\n          name\n          role\n          host\n        }\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresIn\n      user {\n        id\n        email\n        name\n        emailVerified\n      }\n      tenant {\n        id\n        slug\n        name\n        host\n      }\n      role\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResendVerificationEmail($email: String!) {\n    resendVerificationEmail(email: $email)\n  }\n": types.ResendVerificationEmailDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      message\n      tenantHost\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      verified\n      alreadyVerified\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation AcknowledgeIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": types.AcknowledgeIncidentDocument,
    "\n  query Incidents($first: Int, $after: String, $filter: IncidentFilter) {\n    incidents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        monitorId\n        monitorName\n        openedAt\n        resolvedAt\n        durationSeconds\n        cause\n        suppressed\n        acknowledgedAt\n        acknowledgedBy\n        timeline {\n          at\n          kind\n          message\n        }\n        causedBy {\n          id\n          monitorId\n          monitorName\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.IncidentsDocument,
    "\n  query PublishPageOptions {\n    statusPages {\n      id\n      title\n      url\n      components {\n        monitorId\n      }\n    }\n  }\n": types.PublishPageOptionsDocument,
    "\n  mutation PublishOutage($pageId: ID!, $outageId: ID!) {\n    publishOutage(pageId: $pageId, outageId: $outageId) {\n      id\n      pageId\n      title\n    }\n  }\n": types.PublishOutageDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      tenantSlug\n      role\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      tenantName\n      tenantSlug\n      inviterName\n      existingAccount\n      expiresAt\n    }\n  }\n": types.InvitationDocument,
    "\n  query MaintenanceWindows {\n    maintenanceWindows {\n      id\n      name\n      monitorId\n      tag\n      startsAt\n      endsAt\n      cron\n      durationMinutes\n      timeZone\n      activeNow\n      nextStart\n      createdAt\n    }\n  }\n": types.MaintenanceWindowsDocument,
    "\n  query MaintenanceMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.MaintenanceMonitorOptionsDocument,
    "\n  query MaintenanceTagOptions {\n    monitorTags\n  }\n": types.MaintenanceTagOptionsDocument,
    "\n  query MaintenanceMonitorName($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n    }\n  }\n": types.MaintenanceMonitorNameDocument,
    "\n  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateMaintenanceWindowDocument,
    "\n  mutation DeleteMaintenanceWindow($id: ID!) {\n    deleteMaintenanceWindow(id: $id) {\n      id\n      name\n    }\n  }\n": types.DeleteMaintenanceWindowDocument,
    "\n  query MonitorDependencyGraph {\n    monitorDependencyGraph {\n      monitors {\n        id\n        name\n        status\n        dependencyDown\n      }\n      dependencies {\n        monitorId\n        dependsOnId\n      }\n    }\n  }\n": types.MonitorDependencyGraphDocument,
    "\n  mutation SetMonitorDependencies($id: ID!, $dependsOn: [ID!]!) {\n    setMonitorDependencies(id: $id, dependsOn: $dependsOn) {\n      id\n      dependencyDown\n      dependsOn {\n        id\n        name\n        status\n        dependencyDown\n      }\n    }\n  }\n": types.SetMonitorDependenciesDocument,
    "\n  query DependencyMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }, orderBy: NAME) {\n      nodes {\n        id\n        name\n        target\n        status\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.DependencyMonitorOptionsDocument,
    "\n  query MonitorEscalationOptions {\n    escalationPolicies {\n      id\n      name\n    }\n  }\n": types.MonitorEscalationOptionsDocument,
    "\n  mutation SetMonitorEscalationPolicy($id: ID!, $policyId: ID) {\n    setMonitorEscalationPolicy(id: $id, policyId: $policyId) {\n      id\n      escalationPolicy {\n        id\n        name\n      }\n    }\n  }\n": types.SetMonitorEscalationPolicyDocument,
    "\n  mutation AcknowledgeMonitorIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": types.AcknowledgeMonitorIncidentDocument,
    "\n  query MonitorSettings($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      kind\n      tags\n      intervalSeconds\n      timeoutSeconds\n      retryIntervalSeconds\n      failureThreshold\n      recoveryThreshold\n      failureWindowSeconds\n      flapThreshold\n      flapWindowSeconds\n      degradedResponseMs\n      http {\n        url\n        method\n        headers {\n          name\n          value\n        }\n        body\n        expectedStatus\n        followRedirects\n        verifyTls\n        keyword\n        keywordAbsent\n        jsonPath\n        jsonComparison\n        jsonValue\n        tlsWarnDays\n      }\n      tcp {\n        host\n        port\n      }\n      dns {\n        name\n        recordType\n        expected\n      }\n      tls {\n        host\n        port\n        warnDays\n      }\n      heartbeat {\n        graceSeconds\n        cron\n        timeZone\n      }\n    }\n  }\n": types.MonitorSettingsDocument,
    "\n  query MonitorTags {\n    monitorTags\n  }\n": types.MonitorTagsDocument,
    "\n  query Monitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      kind\n      target\n      status\n      tags\n      intervalSeconds\n      timeoutSeconds\n      failureThreshold\n      recoveryThreshold\n      failureWindowSeconds\n      degradedResponseMs\n      flapThreshold\n      flapWindowSeconds\n      flappingSince\n      escalationPolicy {\n        id\n        name\n      }\n      lastCheckedAt\n      lastDurationMs\n      lastError\n      statusChangedAt\n      nextCheckAt\n      lastPingAt\n      createdAt\n      pingUrl\n      heartbeat {\n        graceSeconds\n        cron\n        timeZone\n      }\n      inMaintenance\n      dependencyDown\n      dependsOn {\n        id\n        name\n        status\n        dependencyDown\n      }\n      dependents {\n        id\n        name\n        status\n        dependencyDown\n      }\n      day: uptime(period: DAY) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      week: uptime(period: WEEK) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      month: uptime(period: MONTH) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      quarter: uptime(period: QUARTER) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      dailyUptime(days: 90) {\n        date\n        stats {\n          checks\n          failures\n          uptimePercent\n        }\n      }\n      recentChecks(first: 60) {\n        id\n        checkedAt\n        status\n        durationMs\n        dnsMs\n        connectMs\n        tlsMs\n        firstByteMs\n        statusCode\n        error\n      }\n      incidents(first: 20) {\n        id\n        openedAt\n        resolvedAt\n        cause\n        suppressed\n        acknowledgedAt\n        acknowledgedBy\n        timeline {\n          at\n          kind\n          message\n        }\n        causedBy {\n          id\n          monitorId\n          monitorName\n        }\n      }\n    }\n  }\n": types.MonitorDocument,
    "\n  query Monitors($first: Int, $after: String, $filter: MonitorFilter, $orderBy: MonitorOrder) {\n    monitors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      nodes {\n        id\n        name\n        kind\n        target\n        status\n        dependencyDown\n        tags\n        intervalSeconds\n        lastCheckedAt\n        lastDurationMs\n        lastError\n        lastPingAt\n        uptime(period: DAY) {\n          uptimePercent\n        }\n        latencyTrend\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MonitorsDocument,
    "\n  mutation CreateMonitor($input: CreateMonitorInput!) {\n    createMonitor(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateMonitorDocument,
    "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateMonitorDocument,
    "\n  mutation PauseMonitor($id: ID!) {\n    pauseMonitor(id: $id) {\n      id\n      status\n    }\n  }\n": types.PauseMonitorDocument,
    "\n  mutation ResumeMonitor($id: ID!) {\n    resumeMonitor(id: $id) {\n      id\n      status\n    }\n  }\n": types.ResumeMonitorDocument,
    "\n  mutation DuplicateMonitor($id: ID!) {\n    duplicateMonitor(id: $id) {\n      id\n      name\n    }\n  }\n": types.DuplicateMonitorDocument,
    "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id) {\n      id\n      name\n    }\n  }\n": types.DeleteMonitorDocument,
    "\n  query ServerInfo {\n    serverInfo {\n      version\n      apiVersion\n    }\n  }\n": types.ServerInfoDocument,
    "\n  fragment PublicIncidentFields on PublicIncident {\n    id\n    title\n    status\n    impact\n    components {\n      name\n      impact\n    }\n    updates {\n      status\n      message\n      createdAt\n    }\n    startedAt\n    resolvedAt\n    updatedAt\n  }\n": types.PublicIncidentFieldsFragmentDoc,
    "\n  query PublicStatusPage($slug: String!, $accessToken: String) {\n    publicStatusPage(slug: $slug, accessToken: $accessToken) {\n      organization\n      title\n      description\n      logoUrl\n      faviconUrl\n      status\n      components {\n        id\n        name\n        group\n        status\n        uptimePercent\n        days {\n          date\n          uptimePercent\n          downtimeSeconds\n          outages\n          incidents\n        }\n        responseMs\n      }\n      activeIncidents {\n        ...PublicIncidentFields\n      }\n      incidentHistory {\n        incidents {\n          ...PublicIncidentFields\n        }\n        hasNextPage\n        endCursor\n      }\n      activeOutages {\n        components\n        startedAt\n        resolvedAt\n      }\n      recentOutages {\n        components\n        startedAt\n        resolvedAt\n      }\n      maintenance {\n        name\n        components\n        startsAt\n        endsAt\n        active\n      }\n      generatedAt\n    }\n  }\n": types.PublicStatusPageDocument,
    "\n  query PublicIncidentHistory($slug: String!, $after: String, $accessToken: String) {\n    publicStatusPage(slug: $slug, accessToken: $accessToken) {\n      incidentHistory(after: $after) {\n        incidents {\n          ...PublicIncidentFields\n        }\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PublicIncidentHistoryDocument,
    "\n  query StatusPageMonitorOptions($first: Int, $filter: MonitorFilter) {\n    monitors(first: $first, filter: $filter) {\n      nodes {\n        id\n        name\n        target\n        status\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.StatusPageMonitorOptionsDocument,
    "\n  mutation UnlockStatusPage($slug: String!, $password: String!) {\n    unlockStatusPage(slug: $slug, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": types.UnlockStatusPageDocument,
    "\n  mutation RequestStatusPageAccess($slug: String!, $email: String!) {\n    requestStatusPageAccess(slug: $slug, email: $email) {\n      message\n    }\n  }\n": types.RequestStatusPageAccessDocument,
    "\n  fragment StatusIncidentFields on StatusIncident {\n    id\n    pageId\n    title\n    status\n    impact\n    components {\n      componentId\n      name\n      impact\n    }\n    updates {\n      id\n      status\n      message\n      createdAt\n      editedAt\n    }\n    outageId\n    startedAt\n    resolvedAt\n    createdAt\n    updatedAt\n  }\n": types.StatusIncidentFieldsFragmentDoc,
    "\n  query StatusIncidents($pageId: ID!, $active: Boolean, $first: Int, $after: String) {\n    statusIncidents(pageId: $pageId, active: $active, first: $first, after: $after) {\n      nodes {\n        id\n        title\n        status\n        impact\n        components {\n          componentId\n          name\n          impact\n        }\n        outageId\n        startedAt\n        resolvedAt\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StatusIncidentsDocument,
    "\n  query StatusIncident($id: ID!) {\n    statusIncident(id: $id) {\n      ...StatusIncidentFields\n    }\n  }\n": types.StatusIncidentDocument,
    "\n  mutation CreateStatusIncident($pageId: ID!, $input: CreateStatusIncidentInput!) {\n    createStatusIncident(pageId: $pageId, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n": types.CreateStatusIncidentDocument,
    "\n  mutation PostStatusIncidentUpdate($id: ID!, $input: StatusIncidentUpdateInput!) {\n    postStatusIncidentUpdate(id: $id, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n": types.PostStatusIncidentUpdateDocument,
    "\n  mutation EditStatusIncident($id: ID!, $input: EditStatusIncidentInput!) {\n    editStatusIncident(id: $id, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n": types.EditStatusIncidentDocument,
    "\n  mutation EditStatusIncidentUpdate($id: ID!, $message: String!) {\n    editStatusIncidentUpdate(id: $id, message: $message) {\n      ...StatusIncidentFields\n    }\n  }\n": types.EditStatusIncidentUpdateDocument,
    "\n  mutation DeleteStatusIncident($id: ID!) {\n    deleteStatusIncident(id: $id)\n  }\n": types.DeleteStatusIncidentDocument,
    "\n  query StatusPages {\n    statusPages {\n      id\n      slug\n      title\n      url\n      components {\n        monitorId\n      }\n      access {\n        mode\n      }\n      updatedAt\n    }\n  }\n": types.StatusPagesDocument,
    "\n  query StatusPage($id: ID!) {\n    statusPage(id: $id) {\n      id\n      slug\n      title\n      description\n      autoPublishOutages\n      url\n      logoUrl\n      faviconUrl\n      components {\n        id\n        monitorId\n        name\n        group\n      }\n      domains {\n        id\n        hostname\n        verified\n        verifiedAt\n        dnsRecords {\n          type\n          name\n          value\n        }\n      }\n      access {\n        mode\n        emailDomains\n        hasPassword\n      }\n      createdAt\n      updatedAt\n    }\n  }\n": types.StatusPageDocument,
    "\n  mutation CreateStatusPage($input: StatusPageInput!) {\n    createStatusPage(input: $input) {\n      id\n      title\n      url\n    }\n  }\n": types.CreateStatusPageDocument,
    "\n  mutation UpdateStatusPage($id: ID!, $input: StatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      id\n      slug\n      title\n      description\n      autoPublishOutages\n      url\n      updatedAt\n    }\n  }\n": types.UpdateStatusPageDocument,
    "\n  mutation SetStatusPageComponents($id: ID!, $components: [StatusPageComponentInput!]!) {\n    setStatusPageComponents(id: $id, components: $components) {\n      id\n      components {\n        id\n        monitorId\n        name\n        group\n      }\n      updatedAt\n    }\n  }\n": types.SetStatusPageComponentsDocument,
    "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id) {\n      id\n      title\n    }\n  }\n": types.DeleteStatusPageDocument,
    "\n  mutation AddCustomDomain($pageId: ID!, $hostname: String!) {\n    addCustomDomain(pageId: $pageId, hostname: $hostname) {\n      id\n      hostname\n    }\n  }\n": types.AddCustomDomainDocument,
    "\n  mutation VerifyCustomDomain($id: ID!) {\n    verifyCustomDomain(id: $id) {\n      id\n      hostname\n      verified\n    }\n  }\n": types.VerifyCustomDomainDocument,
    "\n  mutation RemoveCustomDomain($id: ID!) {\n    removeCustomDomain(id: $id) {\n      id\n      hostname\n    }\n  }\n": types.RemoveCustomDomainDocument,
    "\n  mutation SetStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!, $file: Upload!) {\n    setStatusPageImage(pageId: $pageId, kind: $kind, file: $file) {\n      id\n      logoUrl\n      faviconUrl\n      updatedAt\n    }\n  }\n": types.SetStatusPageImageDocument,
    "\n  mutation RemoveStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!) {\n    removeStatusPageImage(pageId: $pageId, kind: $kind) {\n      id\n      logoUrl\n      faviconUrl\n      updatedAt\n    }\n  }\n": types.RemoveStatusPageImageDocument,
    "\n  mutation SetStatusPageAccess($pageId: ID!, $input: StatusPageAccessInput!) {\n    setStatusPageAccess(pageId: $pageId, input: $input) {\n      id\n      title\n      access {\n        mode\n        emailDomains\n        hasPassword\n      }\n      updatedAt\n    }\n  }\n": types.SetStatusPageAccessDocument,
    "\n  mutation SubscribeToStatusPage($slug: String!, $email: String!, $componentIds: [ID!]!, $accessToken: String) {\n    subscribeToStatusPage(slug: $slug, email: $email, componentIds: $componentIds, accessToken: $accessToken) {\n      message\n    }\n  }\n": types.SubscribeToStatusPageDocument,
    "\n  query StatusSubscription($token: String!) {\n    statusSubscription(token: $token) {\n      pageTitle\n      pagePath\n      email\n      confirmed\n      components\n    }\n  }\n": types.StatusSubscriptionDocument,
    "\n  mutation ConfirmStatusSubscription($token: String!) {\n    confirmStatusSubscription(token: $token)\n  }\n": types.ConfirmStatusSubscriptionDocument,
    "\n  mutation UnsubscribeFromStatusPage($token: String!) {\n    unsubscribeFromStatusPage(token: $token)\n  }\n": types.UnsubscribeFromStatusPageDocument,
    "\n  query StatusPageSubscribers($pageId: ID!, $first: Int!, $after: String) {\n    statusPageSubscribers(pageId: $pageId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        email\n        confirmed\n        confirmedAt\n        components {\n          id\n          name\n        }\n        createdAt\n      }\n    }\n  }\n": types.StatusPageSubscribersDocument,
    "\n  query StatusPageSubscribersCsv($pageId: ID!) {\n    statusPageSubscribersCsv(pageId: $pageId)\n  }\n": types.StatusPageSubscribersCsvDocument,
    "\n  mutation RemoveStatusPageSubscriber($id: ID!) {\n    removeStatusPageSubscriber(id: $id)\n  }\n": types.RemoveStatusPageSubscriberDocument,
    "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      role\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  query Invitations {\n    invitations {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n": types.InvitationsDocument,
    "\n  query Members {\n    members {\n      user {\n        id\n        email\n        name\n      }\n      role\n      joinedAt\n    }\n  }\n": types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n": types.RevokeInvitationDocument,
    "\n  query HostContext {\n    serverInfo {\n      baseDomain\n    }\n    hostTenant {\n      slug\n      name\n    }\n  }\n": types.HostContextDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      user {\n        email\n        name\n      }\n      tenant {\n        slug\n        name\n        host\n      }\n      role\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrganizations {\n    myOrganizations {\n      slug\n      name\n      role\n      host\n    }\n  }\n"): typeof import('./graphql').MyOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      lastActiveAt\n      userAgent\n      tenantSlug\n      current\n    }\n  }\n"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOutEverywhere {\n    logOutEverywhere\n  }\n"): typeof import('./graphql').LogOutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AcknowledgeLink($token: String!) {\n    acknowledgeLink(token: $token) {\n      monitorName\n      organizationName\n      openedAt\n      resolvedAt\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n"): typeof import('./graphql').AcknowledgeLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeWithLink($token: String!) {\n    acknowledgeWithLink(token: $token) {\n      monitorName\n      organizationName\n      openedAt\n      resolvedAt\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n"): typeof import('./graphql').AcknowledgeWithLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertChannels {\n    alertChannels {\n      id\n      name\n      kind\n      url\n      recipient\n      addresses\n      hasSecret\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n      createdAt\n    }\n  }\n"): typeof import('./graphql').AlertChannelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertChannel($id: ID!) {\n    alertChannel(id: $id) {\n      id\n      name\n      kind\n      url\n      recipient\n      priority\n      addresses\n      hasSecret\n      previousSecretValidUntil\n      titleTemplate\n      bodyTemplate\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').AlertChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertDeliveries($channelId: ID!, $first: Int, $after: String) {\n    alertDeliveries(channelId: $channelId, first: $first, after: $after) {\n      nodes {\n        id\n        event\n        type\n        status\n        monitorId\n        attempts\n        maxAttempts\n        lastStatusCode\n        lastError\n        nextAttemptAt\n        deliveredAt\n        createdAt\n        attemptLog {\n          attempt\n          statusCode\n          error\n          durationMs\n          at\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').AlertDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAlertChannel($input: AlertChannelInput!) {\n    createAlertChannel(input: $input) {\n      channel {\n        id\n        name\n        kind\n      }\n      signingSecret\n    }\n  }\n"): typeof import('./graphql').CreateAlertChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAlertChannel($id: ID!, $input: AlertChannelInput!) {\n    updateAlertChannel(id: $id, input: $input) {\n      id\n      name\n      url\n      recipient\n      priority\n      addresses\n      hasSecret\n      titleTemplate\n      bodyTemplate\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').UpdateAlertChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewAlertMessage($titleTemplate: String, $bodyTemplate: String, $event: AlertRouteEvent!) {\n    previewAlertMessage(titleTemplate: $titleTemplate, bodyTemplate: $bodyTemplate, event: $event) {\n      title\n      body\n    }\n  }\n"): typeof import('./graphql').PreviewAlertMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAlertChannel($id: ID!) {\n    deleteAlertChannel(id: $id)\n  }\n"): typeof import('./graphql').DeleteAlertChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateAlertChannelSigningSecret($id: ID!) {\n    rotateAlertChannelSigningSecret(id: $id) {\n      channel {\n        id\n        previousSecretValidUntil\n      }\n      signingSecret\n    }\n  }\n"): typeof import('./graphql').RotateAlertChannelSigningSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAlertChannelRouting($id: ID!, $input: AlertRoutingInput!) {\n    setAlertChannelRouting(id: $id, input: $input) {\n      id\n      routing {\n        allMonitors\n        monitorIds\n        tags\n        events\n      }\n    }\n  }\n"): typeof import('./graphql').SetAlertChannelRoutingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAlertChannel($id: ID!) {\n    testAlertChannel(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').TestAlertChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequeueAlertDelivery($id: ID!) {\n    requeueAlertDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RequeueAlertDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }) {\n      nodes {\n        id\n        name\n        target\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').AlertMonitorOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertMonitorName($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AlertMonitorNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertMonitorTags {\n    monitorTags\n  }\n"): typeof import('./graphql').AlertMonitorTagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EscalationPolicies {\n    escalationPolicies {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').EscalationPoliciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EscalationPolicy($id: ID!) {\n    escalationPolicy(id: $id) {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').EscalationPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {\n    createEscalationPolicy(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateEscalationPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {\n    updateEscalationPolicy(id: $id, input: $input) {\n      id\n      name\n      steps {\n        waitMinutes\n        channels {\n          id\n          name\n          kind\n        }\n      }\n      repeatEveryMinutes\n      monitorCount\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').UpdateEscalationPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEscalationPolicy($id: ID!) {\n    deleteEscalationPolicy(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').DeleteEscalationPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      key {\n        id\n        name\n        prefix\n        scope\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      scope\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        action\n        entityType\n        entityId\n        actorUserId\n        actorApiKeyId\n        actorName\n        requestId\n        clientIp\n        changes\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      __typename\n      ... on SessionPayload {\n        accessToken\n        expiresIn\n        user {\n          id\n          email\n          name\n          emailVerified\n        }\n        tenant {\n          id\n          slug\n          name\n          host\n        }\n        role\n      }\n      ... on TenantChoicePayload {\n        tenants {\n          slug\n          name\n          role\n          host\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LogInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut\n  }\n"): typeof import('./graphql').LogOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresIn\n      user {\n        id\n        email\n        name\n        emailVerified\n      }\n      tenant {\n        id\n        slug\n        name\n        host\n      }\n      role\n    }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail($email: String!) {\n    resendVerificationEmail(email: $email)\n  }\n"): typeof import('./graphql').ResendVerificationEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      message\n      tenantHost\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      verified\n      alreadyVerified\n    }\n  }\n"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n"): typeof import('./graphql').AcknowledgeIncidentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Incidents($first: Int, $after: String, $filter: IncidentFilter) {\n    incidents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        monitorId\n        monitorName\n        openedAt\n        resolvedAt\n        durationSeconds\n        cause\n        suppressed\n        acknowledgedAt\n        acknowledgedBy\n        timeline {\n          at\n          kind\n          message\n        }\n        causedBy {\n          id\n          monitorId\n          monitorName\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').IncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishPageOptions {\n    statusPages {\n      id\n      title\n      url\n      components {\n        monitorId\n      }\n    }\n  }\n"): typeof import('./graphql').PublishPageOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishOutage($pageId: ID!, $outageId: ID!) {\n    publishOutage(pageId: $pageId, outageId: $outageId) {\n      id\n      pageId\n      title\n    }\n  }\n"): typeof import('./graphql').PublishOutageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      tenantSlug\n      role\n    }\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      tenantName\n      tenantSlug\n      inviterName\n      existingAccount\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').InvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaintenanceWindows {\n    maintenanceWindows {\n      id\n      name\n      monitorId\n      tag\n      startsAt\n      endsAt\n      cron\n      durationMinutes\n      timeZone\n      activeNow\n      nextStart\n      createdAt\n    }\n  }\n"): typeof import('./graphql').MaintenanceWindowsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaintenanceMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').MaintenanceMonitorOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaintenanceTagOptions {\n    monitorTags\n  }\n"): typeof import('./graphql').MaintenanceTagOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaintenanceMonitorName($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').MaintenanceMonitorNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateMaintenanceWindowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMaintenanceWindow($id: ID!) {\n    deleteMaintenanceWindow(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').DeleteMaintenanceWindowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitorDependencyGraph {\n    monitorDependencyGraph {\n      monitors {\n        id\n        name\n        status\n        dependencyDown\n      }\n      dependencies {\n        monitorId\n        dependsOnId\n      }\n    }\n  }\n"): typeof import('./graphql').MonitorDependencyGraphDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMonitorDependencies($id: ID!, $dependsOn: [ID!]!) {\n    setMonitorDependencies(id: $id, dependsOn: $dependsOn) {\n      id\n      dependencyDown\n      dependsOn {\n        id\n        name\n        status\n        dependencyDown\n      }\n    }\n  }\n"): typeof import('./graphql').SetMonitorDependenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DependencyMonitorOptions($text: String) {\n    monitors(first: 100, filter: { text: $text }, orderBy: NAME) {\n      nodes {\n        id\n        name\n        target\n        status\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').DependencyMonitorOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitorEscalationOptions {\n    escalationPolicies {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').MonitorEscalationOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMonitorEscalationPolicy($id: ID!, $policyId: ID) {\n    setMonitorEscalationPolicy(id: $id, policyId: $policyId) {\n      id\n      escalationPolicy {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').SetMonitorEscalationPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeMonitorIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n"): typeof import('./graphql').AcknowledgeMonitorIncidentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitorSettings($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      kind\n      tags\n      intervalSeconds\n      timeoutSeconds\n      retryIntervalSeconds\n      failureThreshold\n      recoveryThreshold\n      failureWindowSeconds\n      flapThreshold\n      flapWindowSeconds\n      degradedResponseMs\n      http {\n        url\n        method\n        headers {\n          name\n          value\n        }\n        body\n        expectedStatus\n        followRedirects\n        verifyTls\n        keyword\n        keywordAbsent\n        jsonPath\n        jsonComparison\n        jsonValue\n        tlsWarnDays\n      }\n      tcp {\n        host\n        port\n      }\n      dns {\n        name\n        recordType\n        expected\n      }\n      tls {\n        host\n        port\n        warnDays\n      }\n      heartbeat {\n        graceSeconds\n        cron\n        timeZone\n      }\n    }\n  }\n"): typeof import('./graphql').MonitorSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitorTags {\n    monitorTags\n  }\n"): typeof import('./graphql').MonitorTagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Monitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      kind\n      target\n      status\n      tags\n      intervalSeconds\n      timeoutSeconds\n      failureThreshold\n      recoveryThreshold\n      failureWindowSeconds\n      degradedResponseMs\n      flapThreshold\n      flapWindowSeconds\n      flappingSince\n      escalationPolicy {\n        id\n        name\n      }\n      lastCheckedAt\n      lastDurationMs\n      lastError\n      statusChangedAt\n      nextCheckAt\n      lastPingAt\n      createdAt\n      pingUrl\n      heartbeat {\n        graceSeconds\n        cron\n        timeZone\n      }\n      inMaintenance\n      dependencyDown\n      dependsOn {\n        id\n        name\n        status\n        dependencyDown\n      }\n      dependents {\n        id\n        name\n        status\n        dependencyDown\n      }\n      day: uptime(period: DAY) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      week: uptime(period: WEEK) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      month: uptime(period: MONTH) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      quarter: uptime(period: QUARTER) {\n        checks\n        failures\n        uptimePercent\n        p50Ms\n        p95Ms\n      }\n      dailyUptime(days: 90) {\n        date\n        stats {\n          checks\n          failures\n          uptimePercent\n        }\n      }\n      recentChecks(first: 60) {\n        id\n        checkedAt\n        status\n        durationMs\n        dnsMs\n        connectMs\n        tlsMs\n        firstByteMs\n        statusCode\n        error\n      }\n      incidents(first: 20) {\n        id\n        openedAt\n        resolvedAt\n        cause\n        suppressed\n        acknowledgedAt\n        acknowledgedBy\n        timeline {\n          at\n          kind\n          message\n        }\n        causedBy {\n          id\n          monitorId\n          monitorName\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MonitorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Monitors($first: Int, $after: String, $filter: MonitorFilter, $orderBy: MonitorOrder) {\n    monitors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      nodes {\n        id\n        name\n        kind\n        target\n        status\n        dependencyDown\n        tags\n        intervalSeconds\n        lastCheckedAt\n        lastDurationMs\n        lastError\n        lastPingAt\n        uptime(period: DAY) {\n          uptimePercent\n        }\n        latencyTrend\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MonitorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMonitor($input: CreateMonitorInput!) {\n    createMonitor(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateMonitorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').UpdateMonitorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseMonitor($id: ID!) {\n    pauseMonitor(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').PauseMonitorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeMonitor($id: ID!) {\n    resumeMonitor(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ResumeMonitorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateMonitor($id: ID!) {\n    duplicateMonitor(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').DuplicateMonitorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').DeleteMonitorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerInfo {\n    serverInfo {\n      version\n      apiVersion\n    }\n  }\n"): typeof import('./graphql').ServerInfoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublicIncidentFields on PublicIncident {\n    id\n    title\n    status\n    impact\n    components {\n      name\n      impact\n    }\n    updates {\n      status\n      message\n      createdAt\n    }\n    startedAt\n    resolvedAt\n    updatedAt\n  }\n"): typeof import('./graphql').PublicIncidentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicStatusPage($slug: String!, $accessToken: String) {\n    publicStatusPage(slug: $slug, accessToken: $accessToken) {\n      organization\n      title\n      description\n      logoUrl\n      faviconUrl\n      status\n      components {\n        id\n        name\n        group\n        status\n        uptimePercent\n        days {\n          date\n          uptimePercent\n          downtimeSeconds\n          outages\n          incidents\n        }\n        responseMs\n      }\n      activeIncidents {\n        ...PublicIncidentFields\n      }\n      incidentHistory {\n        incidents {\n          ...PublicIncidentFields\n        }\n        hasNextPage\n        endCursor\n      }\n      activeOutages {\n        components\n        startedAt\n        resolvedAt\n      }\n      recentOutages {\n        components\n        startedAt\n        resolvedAt\n      }\n      maintenance {\n        name\n        components\n        startsAt\n        endsAt\n        active\n      }\n      generatedAt\n    }\n  }\n"): typeof import('./graphql').PublicStatusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicIncidentHistory($slug: String!, $after: String, $accessToken: String) {\n    publicStatusPage(slug: $slug, accessToken: $accessToken) {\n      incidentHistory(after: $after) {\n        incidents {\n          ...PublicIncidentFields\n        }\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').PublicIncidentHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageMonitorOptions($first: Int, $filter: MonitorFilter) {\n    monitors(first: $first, filter: $filter) {\n      nodes {\n        id\n        name\n        target\n        status\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').StatusPageMonitorOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockStatusPage($slug: String!, $password: String!) {\n    unlockStatusPage(slug: $slug, password: $password) {\n      token\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').UnlockStatusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestStatusPageAccess($slug: String!, $email: String!) {\n    requestStatusPageAccess(slug: $slug, email: $email) {\n      message\n    }\n  }\n"): typeof import('./graphql').RequestStatusPageAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusIncidentFields on StatusIncident {\n    id\n    pageId\n    title\n    status\n    impact\n    components {\n      componentId\n      name\n      impact\n    }\n    updates {\n      id\n      status\n      message\n      createdAt\n      editedAt\n    }\n    outageId\n    startedAt\n    resolvedAt\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').StatusIncidentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusIncidents($pageId: ID!, $active: Boolean, $first: Int, $after: String) {\n    statusIncidents(pageId: $pageId, active: $active, first: $first, after: $after) {\n      nodes {\n        id\n        title\n        status\n        impact\n        components {\n          componentId\n          name\n          impact\n        }\n        outageId\n        startedAt\n        resolvedAt\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').StatusIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusIncident($id: ID!) {\n    statusIncident(id: $id) {\n      ...StatusIncidentFields\n    }\n  }\n"): typeof import('./graphql').StatusIncidentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStatusIncident($pageId: ID!, $input: CreateStatusIncidentInput!) {\n    createStatusIncident(pageId: $pageId, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n"): typeof import('./graphql').CreateStatusIncidentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostStatusIncidentUpdate($id: ID!, $input: StatusIncidentUpdateInput!) {\n    postStatusIncidentUpdate(id: $id, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n"): typeof import('./graphql').PostStatusIncidentUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditStatusIncident($id: ID!, $input: EditStatusIncidentInput!) {\n    editStatusIncident(id: $id, input: $input) {\n      ...StatusIncidentFields\n    }\n  }\n"): typeof import('./graphql').EditStatusIncidentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditStatusIncidentUpdate($id: ID!, $message: String!) {\n    editStatusIncidentUpdate(id: $id, message: $message) {\n      ...StatusIncidentFields\n    }\n  }\n"): typeof import('./graphql').EditStatusIncidentUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStatusIncident($id: ID!) {\n    deleteStatusIncident(id: $id)\n  }\n"): typeof import('./graphql').DeleteStatusIncidentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPages {\n    statusPages {\n      id\n      slug\n      title\n      url\n      components {\n        monitorId\n      }\n      access {\n        mode\n      }\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').StatusPagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPage($id: ID!) {\n    statusPage(id: $id) {\n      id\n      slug\n      title\n      description\n      autoPublishOutages\n      url\n      logoUrl\n      faviconUrl\n      components {\n        id\n        monitorId\n        name\n        group\n      }\n      domains {\n        id\n        hostname\n        verified\n        verifiedAt\n        dnsRecords {\n          type\n          name\n          value\n        }\n      }\n      access {\n        mode\n        emailDomains\n        hasPassword\n      }\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').StatusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStatusPage($input: StatusPageInput!) {\n    createStatusPage(input: $input) {\n      id\n      title\n      url\n    }\n  }\n"): typeof import('./graphql').CreateStatusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStatusPage($id: ID!, $input: StatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      id\n      slug\n      title\n      description\n      autoPublishOutages\n      url\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').UpdateStatusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatusPageComponents($id: ID!, $components: [StatusPageComponentInput!]!) {\n    setStatusPageComponents(id: $id, components: $components) {\n      id\n      components {\n        id\n        monitorId\n        name\n        group\n      }\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').SetStatusPageComponentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id) {\n      id\n      title\n    }\n  }\n"): typeof import('./graphql').DeleteStatusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCustomDomain($pageId: ID!, $hostname: String!) {\n    addCustomDomain(pageId: $pageId, hostname: $hostname) {\n      id\n      hostname\n    }\n  }\n"): typeof import('./graphql').AddCustomDomainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyCustomDomain($id: ID!) {\n    verifyCustomDomain(id: $id) {\n      id\n      hostname\n      verified\n    }\n  }\n"): typeof import('./graphql').VerifyCustomDomainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCustomDomain($id: ID!) {\n    removeCustomDomain(id: $id) {\n      id\n      hostname\n    }\n  }\n"): typeof import('./graphql').RemoveCustomDomainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!, $file: Upload!) {\n    setStatusPageImage(pageId: $pageId, kind: $kind, file: $file) {\n      id\n      logoUrl\n      faviconUrl\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').SetStatusPageImageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!) {\n    removeStatusPageImage(pageId: $pageId, kind: $kind) {\n      id\n      logoUrl\n      faviconUrl\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').RemoveStatusPageImageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatusPageAccess($pageId: ID!, $input: StatusPageAccessInput!) {\n    setStatusPageAccess(pageId: $pageId, input: $input) {\n      id\n      title\n      access {\n        mode\n        emailDomains\n        hasPassword\n      }\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').SetStatusPageAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeToStatusPage($slug: String!, $email: String!, $componentIds: [ID!]!, $accessToken: String) {\n    subscribeToStatusPage(slug: $slug, email: $email, componentIds: $componentIds, accessToken: $accessToken) {\n      message\n    }\n  }\n"): typeof import('./graphql').SubscribeToStatusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusSubscription($token: String!) {\n    statusSubscription(token: $token) {\n      pageTitle\n      pagePath\n      email\n      confirmed\n      components\n    }\n  }\n"): typeof import('./graphql').StatusSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmStatusSubscription($token: String!) {\n    confirmStatusSubscription(token: $token)\n  }\n"): typeof import('./graphql').ConfirmStatusSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeFromStatusPage($token: String!) {\n    unsubscribeFromStatusPage(token: $token)\n  }\n"): typeof import('./graphql').UnsubscribeFromStatusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageSubscribers($pageId: ID!, $first: Int!, $after: String) {\n    statusPageSubscribers(pageId: $pageId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        email\n        confirmed\n        confirmedAt\n        components {\n          id\n          name\n        }\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').StatusPageSubscribersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageSubscribersCsv($pageId: ID!) {\n    statusPageSubscribersCsv(pageId: $pageId)\n  }\n"): typeof import('./graphql').StatusPageSubscribersCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveStatusPageSubscriber($id: ID!) {\n    removeStatusPageSubscriber(id: $id)\n  }\n"): typeof import('./graphql').RemoveStatusPageSubscriberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      role\n    }\n  }\n"): typeof import('./graphql').ChangeMemberRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations {\n    invitations {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').InvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members {\n    members {\n      user {\n        id\n        email\n        name\n      }\n      role\n      joinedAt\n    }\n  }\n"): typeof import('./graphql').MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n    }\n  }\n"): typeof import('./graphql').InviteMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n"): typeof import('./graphql').RemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostContext {\n    serverInfo {\n      baseDomain\n    }\n    hostTenant {\n      slug\n      name\n    }\n  }\n"): typeof import('./graphql').HostContextDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
