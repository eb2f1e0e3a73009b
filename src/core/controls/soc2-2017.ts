// The SOC 2 Trust Services Criteria (AICPA, 2017; points of focus revised in 2022, criteria
// unchanged): 33 common criteria (CC1–CC9) and the Availability, Confidentiality, Processing
// Integrity and Privacy criteria, 61 in all. The criteria are long sentences; the titles here
// say what each asks for, in our own words.
import { themed, type Catalogue } from './types.js';

export const SOC2_2017: Catalogue = {
  prefix: 'SOC2',
  name: 'SOC 2 Trust Services Criteria (2017)',
  source: 'built-in',
  controls: [
    ...themed('CC1 Control environment', [
      ['CC1.1', 'Commitment to integrity and ethical values'],
      ['CC1.2', 'Board independence and oversight of internal control'],
      ['CC1.3', 'Structures, reporting lines, authorities and responsibilities set by management'],
      ['CC1.4', 'Attracting, developing and retaining competent people'],
      ['CC1.5', 'Holding people accountable for their internal control responsibilities'],
    ]),
    ...themed('CC2 Communication and information', [
      ['CC2.1', 'Relevant, quality information to support internal control'],
      ['CC2.2', 'Internal communication of objectives and responsibilities for internal control'],
      ['CC2.3', 'Communication with external parties about matters affecting internal control'],
    ]),
    ...themed('CC3 Risk assessment', [
      ['CC3.1', 'Objectives specified clearly enough to identify and assess risks'],
      ['CC3.2', 'Identifying and analysing risks to the objectives'],
      ['CC3.3', 'Considering the potential for fraud'],
      ['CC3.4', 'Identifying and assessing changes that could affect internal control'],
    ]),
    ...themed('CC4 Monitoring activities', [
      ['CC4.1', 'Ongoing and separate evaluations of the components of internal control'],
      ['CC4.2', 'Timely communication of internal control deficiencies'],
    ]),
    ...themed('CC5 Control activities', [
      ['CC5.1', 'Control activities that reduce risks to acceptable levels'],
      ['CC5.2', 'General control activities over technology'],
      ['CC5.3', 'Control activities deployed through policies and procedures'],
    ]),
    ...themed('CC6 Logical and physical access controls', [
      ['CC6.1', 'Logical access security over protected information assets'],
      ['CC6.2', 'Registering and authorising users before access is granted'],
      ['CC6.3', 'Granting, changing and removing access by role and least privilege'],
      ['CC6.4', 'Restricting physical access to facilities and protected assets'],
      ['CC6.5', 'Protecting data when physical assets are disposed of'],
      ['CC6.6', 'Protection against threats from outside the system boundaries'],
      ['CC6.7', 'Restricting the transmission, movement and removal of information'],
      ['CC6.8', 'Preventing or detecting unauthorised or malicious software'],
    ]),
    ...themed('CC7 System operations', [
      ['CC7.1', 'Detecting configuration changes and newly discovered vulnerabilities'],
      ['CC7.2', 'Monitoring system components for anomalies that indicate malicious acts, disasters or errors'],
      ['CC7.3', 'Evaluating security events to decide whether they are incidents'],
      ['CC7.4', 'Responding to security incidents with a defined programme'],
      ['CC7.5', 'Recovering from security incidents'],
    ]),
    ...themed('CC8 Change management', [
      ['CC8.1', 'Authorising, designing, testing, approving and implementing changes'],
    ]),
    ...themed('CC9 Risk mitigation', [
      ['CC9.1', 'Mitigating the risks of business disruption'],
      ['CC9.2', 'Assessing and managing risks from vendors and business partners'],
    ]),
    ...themed('A1 Availability', [
      ['A1.1', 'Managing and planning processing capacity to meet demand'],
      ['A1.2', 'Environmental protection, backup and recovery infrastructure'],
      ['A1.3', 'Testing the recovery plan'],
    ]),
    ...themed('C1 Confidentiality', [
      ['C1.1', 'Identifying and keeping confidential information'],
      ['C1.2', 'Disposing of confidential information'],
    ]),
    ...themed('PI1 Processing integrity', [
      ['PI1.1', 'Information about processing objectives and data specifications'],
      ['PI1.2', 'Complete, accurate and timely system inputs'],
      ['PI1.3', 'Complete, accurate and timely processing'],
      ['PI1.4', 'Complete, accurate and timely output, delivered only as intended'],
      ['PI1.5', 'Storing inputs, items in processing and outputs completely and accurately'],
    ]),
    ...themed('P1 Privacy: notice', [
      ['P1.1', 'Notice to data subjects about privacy practices'],
    ]),
    ...themed('P2 Privacy: choice and consent', [
      ['P2.1', 'Choices and consent about collecting, using, keeping, disclosing and disposing of personal information'],
    ]),
    ...themed('P3 Privacy: collection', [
      ['P3.1', 'Collecting personal information only for the stated objectives'],
      ['P3.2', 'Explicit consent where collection requires it'],
    ]),
    ...themed('P4 Privacy: use, retention and disposal', [
      ['P4.1', 'Using personal information only for the stated objectives'],
      ['P4.2', 'Keeping personal information no longer than needed'],
      ['P4.3', 'Securely disposing of personal information'],
    ]),
    ...themed('P5 Privacy: access', [
      ['P5.1', 'Giving data subjects access to their personal information'],
      ['P5.2', 'Correcting, amending or appending personal information on request'],
    ]),
    ...themed('P6 Privacy: disclosure and notification', [
      ['P6.1', 'Disclosing personal information to third parties only with consent'],
      ['P6.2', 'Recording authorised disclosures'],
      ['P6.3', 'Recording unauthorised disclosures'],
      ['P6.4', 'Privacy commitments from vendors and other third parties'],
      ['P6.5', 'Vendors and third parties reporting unauthorised disclosures'],
      ['P6.6', 'Notifying affected data subjects and regulators of breaches'],
      ['P6.7', 'Accounting to data subjects for the personal information held and disclosed'],
    ]),
    ...themed('P7 Privacy: quality', [
      ['P7.1', 'Accurate, complete and relevant personal information'],
    ]),
    ...themed('P8 Privacy: monitoring and enforcement', [
      ['P8.1', 'Handling privacy inquiries, complaints and disputes'],
    ]),
  ],
};
